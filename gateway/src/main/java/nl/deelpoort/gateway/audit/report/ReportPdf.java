package nl.deelpoort.gateway.audit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.deelpoort.policy.Framework;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as PDF (PDFBox). Page 1 is a cover page for the privacy officer, marked "alleen voor de
 * FG", with the count of confidential entries left out; the resident's overview starts on page 2, so
 * the officer hands over pages 2 and on. Standard-14 Helvetica keeps the file small and needs no font
 * files; it encodes WinAnsi, which covers Dutch (é, ë, ï); any other character is written as "?".
 */
final class ReportPdf {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"))
            .withZone(Framework.ZONE);
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    static byte[] render(SubjectAccessReport report) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc);
            SubjectAccessReport.ResidentPart part = report.report();
            w.text(Writer.BOLD, 16, "ALLEEN VOOR DE FG");
            w.text(Writer.BOLD, 12, "Dit voorblad niet meesturen aan de betrokkene.");
            w.gap();
            w.text(Writer.REGULAR, 11, report.officerNote().text());
            w.text(
                    Writer.REGULAR,
                    11,
                    "Het overzicht voor de betrokkene begint op de volgende pagina en bevat " + part.total()
                            + " verstrekking(en).");
            w.text(
                    Writer.REGULAR,
                    11,
                    "Opgesteld door " + part.organisation().name() + " op "
                            + STAMP.format(part.generatedAt()) + "; verzoek vastgelegd als logregel "
                            + report.disclosureId() + ".");

            w.newPage();
            w.text(Writer.BOLD, 16, part.title());
            w.text(Writer.REGULAR, 9, "Opgesteld op " + STAMP.format(part.generatedAt()));
            w.gap();
            w.text(Writer.REGULAR, 11, part.introduction());
            w.gap();
            if (part.recipients().isEmpty()) {
                w.text(Writer.REGULAR, 11, SubjectAccessReport.NONE);
            }
            for (SubjectAccessReport.RecipientGroup g : part.recipients()) {
                w.text(Writer.BOLD, 13, "Ontvanger: " + g.recipient().name());
                for (SubjectAccessReport.Line l : g.disclosures()) {
                    w.text(
                            Writer.REGULAR,
                            11,
                            "- " + Wording.longDate(l.registeredAt()) + ": "
                                    + Wording.enumeration(l.categories().stream()
                                            .map(Wording.Label::label)
                                            .toList())
                                    + ", van " + l.holder().name() + ", voor "
                                    + l.purpose().label()
                                    + ". Grondslag: " + l.legalBasis().label() + ".");
                }
                w.gap();
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF report could not be written.", e);
        }
    }

    /** Writes wrapped lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        private final PDDocument doc;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap() {
            y -= 8;
        }

        void text(PDType1Font font, float size, String text) throws IOException {
            for (String line : wrap(font, size, encodable(font, text))) {
                float leading = size * 1.35f;
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        private static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static String encodable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String s = new String(Character.toChars(cp));
                out.append(cp >= 32 && canEncode(font, s) ? s : "?");
            });
            return out.toString();
        }

        private static boolean canEncode(PDType1Font font, String s) {
            try {
                font.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    private ReportPdf() {}
}
