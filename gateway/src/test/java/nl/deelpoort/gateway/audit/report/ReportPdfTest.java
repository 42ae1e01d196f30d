package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.FrameworkLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's PDF read back with PDFBox, as a screen reader's software would find it: tagged
 * (structure tree, every piece of content marked), titled, in Dutch, with embedded fonts and the
 * PDF/UA-1 identification, and holding what AVG art. 15 lists. veraPDF is not on the build's
 * offline dependency set, so the PDF/UA-1 rules that matter here are checked one by one.
 */
class ReportPdfTest {

    private static final Wording WORDS = new Wording(FrameworkLoader.loadDefault());
    private static final Bsn JAN = Bsn.of("999993653");
    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    private static PDDocument pdf;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        List<Release> releases = new ArrayList<>();
        // Enough releases for three pages, so the header row repeats and the pages are numbered.
        for (int i = 0; i < 40; i++) {
            releases.add(release(100 + i, "gemeente-geldrop-mierlo", "PROVISION_APPLICATION", "PUBLIC_TASK", false));
        }
        releases.add(release(200, "gemeente-waalre", "ACCOUNTABILITY", "LEGAL_OBLIGATION", false));
        releases.add(release(201, "veilig-thuis", "SAFETY_REPORT", "LEGAL_TASK", true));
        SubjectAccessReport report = SubjectAccessReport.of(
                new SubjectAccessReport.Request(JAN, Optional.of("plusteam"), NOW), releases, WORDS);
        pdf = Loader.loadPDF(ReportPdf.render(report));
        text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static Release release(long seq, String recipient, String purpose, String basis, boolean confidential) {
        return new Release(
                seq,
                NOW.minusSeconds(3600 * seq),
                EntryKind.TRANSFER,
                "plusteam",
                recipient,
                purpose,
                basis,
                "F3",
                confidential ? "werkafspraken-veilig-thuis" : "ovk-plusteam",
                confidential ? List.of("BSN", "SAFETY") : List.of("BSN", "PERSONALIA", "SUPPORT_PLAN"),
                confidential);
    }

    @Test
    void theDocumentIsTitledInDutchAndIdentifiesAsPdfUa() throws IOException {
        var catalog = pdf.getDocumentCatalog();
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(ReportTexts.TITLE);
        assertThat(catalog.getLanguage()).isEqualTo("nl-NL");
        assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(catalog.getMarkInfo().isMarked()).isTrue();
        String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
        assertThat(xmp)
                .contains("<pdfuaid:part>1</pdfuaid:part>")
                .contains("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
                .contains("<rdf:li xml:lang=\"x-default\">" + ReportTexts.TITLE + "</rdf:li>");
        assertThat(pdf.getVersion()).isEqualTo(1.7f);
    }

    @Test
    void theStructureTreeHoldsHeadingsParagraphsListsAndTablesWithColumnHeaders() throws IOException {
        PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
        assertThat(root).isNotNull();
        List<PDStructureElement> elements = new ArrayList<>();
        collect(root, elements);
        assertThat(elements.get(0).getStructureType()).isEqualTo("Document");
        Set<String> types = new HashSet<>();
        elements.forEach(e -> types.add(e.getStructureType()));
        assertThat(types).contains("H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD");
        assertThat(elements.stream().filter(e -> e.getStructureType().equals("H1")))
                .hasSize(1);
        List<PDStructureElement> headers =
                elements.stream().filter(e -> e.getStructureType().equals("TH")).toList();
        assertThat(headers).hasSize(2 * ReportTexts.COLUMNS.size());
        for (PDStructureElement th : headers) {
            List<PDAttributeObject> attributes = new ArrayList<>();
            for (int i = 0; i < th.getAttributes().size(); i++) {
                attributes.add(th.getAttributes().getObject(i));
            }
            assertThat(attributes)
                    .anySatisfy(a ->
                            assertThat(((PDTableAttributeObject) a).getScope()).isEqualTo("Column"));
        }
        // Every page is in the parent tree, which maps each marked-content id to its element.
        assertThat(root.getParentTreeNextKey()).isEqualTo(pdf.getNumberOfPages());
        for (PDPage page : pdf.getPages()) {
            COSArray owners = (COSArray) root.getParentTree()
                    .getNumbers()
                    .get(page.getStructParents())
                    .getCOSObject();
            assertThat(owners.size()).isEqualTo(markedContentIds(page));
        }
    }

    @Test
    void everyPieceOfContentIsTaggedOrAnArtifact() throws IOException {
        assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        for (PDPage page : pdf.getPages()) {
            PDFStreamParser parser = new PDFStreamParser(page);
            int depth = 0;
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op) {
                    switch (op.getName()) {
                        case "BDC", "BMC" -> depth++;
                        case "EMC" -> depth--;
                        case "BT", "S", "f", "Do" ->
                            assertThat(depth)
                                    .as(op.getName() + " outside marked content")
                                    .isPositive();
                        default -> {}
                    }
                }
            }
            assertThat(depth).isZero();
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(((PDType0Font) font)
                                .getDescendantFont()
                                .getFontDescriptor()
                                .getFontFile2())
                        .isNotNull();
                assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE)).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    @Test
    void itIsALetterToTheResidentThatSaysWhatArticle15Lists() {
        assertThat(text)
                .contains(ReportTexts.TITLE)
                .contains("Datum: 1 december 2026")
                .contains("Aan: de persoon met burgerservicenummer (BSN) eindigend op 653")
                .contains("Van: GR PlusTeam, functionaris gegevensbescherming")
                .contains("Ontvanger: Gemeente Geldrop-Mierlo (CMD)", "Ontvanger: Gemeente Waalre (CMD)")
                .contains("advies en aanvraag van een voorziening", "verantwoording")
                .contains("naam, geboortedatum en adres")
                .contains("publieke taak (art. 6 lid 1 sub e AVG)")
                .contains(ReportTexts.PURPOSES, ReportTexts.CATEGORIES, ReportTexts.SOURCES)
                .contains("Samenwerkings- en verwerkersovereenkomst CMD - GR PlusTeam: 20 jaar na de verstrekking.")
                .contains("rectificatie", "vergetelheid", "beperking", "bezwaar", "artikel 22 AVG")
                .contains("Autoriteit Persoonsgegevens")
                .contains("buiten de Europese Unie")
                .contains("GR PlusTeam: e-mail fg@plusteam.example, website https://www.plusteam.example/privacy.")
                .contains("CMD: Centrum Maatschappelijke Deelname")
                .contains("pagina 1 van " + pdf.getNumberOfPages());
    }

    @Test
    void itHoldsNoConfidentialEntryNorTheirNumberNorTheWholeBsn() {
        assertThat(text)
                .doesNotContain("Veilig Thuis", "vertrouwelijk", "veiligheidssignalen", "werkafspraken")
                .doesNotContain(JAN.value());
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                out.add(e);
                collect(e, out);
            }
        }
    }

    /** How many marked-content sequences on the page carry an MCID. */
    private static int markedContentIds(PDPage page) {
        int count = 0;
        try {
            PDFStreamParser parser = new PDFStreamParser(page);
            List<COSBase> operands = new ArrayList<>();
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op) {
                    if (op.getName().equals("BDC") && operands.size() == 2) {
                        COSBase properties = operands.get(1);
                        COSDictionary dictionary = properties instanceof COSName name
                                ? page.getResources().getProperties(name).getCOSObject()
                                : (COSDictionary) properties;
                        if (dictionary.containsKey(COSName.MCID)) {
                            count++;
                        }
                    }
                    operands.clear();
                } else {
                    operands.add((COSBase) token);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return count;
    }
}
