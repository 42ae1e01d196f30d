package nl.deelpoort.gateway.audit.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A tagged PDF written top to bottom, so that a screen reader can read it (PDF/UA-1, ISO 14289-1):
 * every piece of text is marked content inside a structure element (H1–H3, P, L/LI/Lbl/LBody,
 * Table/TR/TH/TD with column scope) of one Document element, in reading order; page numbers, rules and
 * repeated table headers are pagination artifacts; the catalog says the file is marked, names its
 * language and shows its title in the title bar; XMP metadata carries the title, language and {@code
 * pdfuaid:part 1}; the font, Liberation Sans (SIL Open Font License, shipped inside PDFBox), is
 * embedded as a subset with its Unicode map.
 *
 * <p>One instance writes one document; {@link #finish} numbers the pages ("pagina 1 van 3") and
 * returns the bytes.
 */
final class TaggedPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float BOTTOM = 64;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float BODY = 10.5f;
    private static final float LEADING = 1.35f;
    private static final float INDENT = 14;

    /** The font file, read once; each document parses and subsets its own copy. */
    private static final byte[] FONT_FILE = fontFile();

    private final PDDocument doc;
    private final TrueTypeFont ttf;
    private final PDType0Font font;
    /** Advance width of each code point used, in 1/1000 em; NaN when the font has no glyph for it. */
    private final Map<Integer, Float> advances = new HashMap<>();

    private final String title;
    private final String language;
    private final PDStructureTreeRoot root;
    private final PDStructureElement document;
    /** Per page, the structure element of each marked-content id (its index): the parent tree. */
    private final List<List<PDStructureElement>> parents = new ArrayList<>();

    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    TaggedPdf(String title, String language) {
        this.title = title;
        this.language = language;
        this.doc = new PDDocument();
        try {
            this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILE));
            // Glyph substitution (ligatures, contextual forms) is not needed for Dutch text, and PDFBox
            // applies it per string shown at a cost that dominates a long report; without it every
            // character maps to one glyph, which also keeps the text a screen reader gets plain.
            ttf.setEnableGsub(false);
            this.font = PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("The report's font cannot be read.", e);
        }
        root = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(document);
        newPage();
    }

    void heading(int level, String text) {
        float size = level == 1 ? 17 : level == 2 ? 13.5f : 12;
        gap(level == 1 ? 0 : size * 0.6f);
        // A heading is not left alone at the foot of a page.
        if (y - 3 * size * LEADING < BOTTOM) {
            newPage();
        }
        text(
                element(
                        level == 1
                                ? StandardStructureTypes.H1
                                : level == 2 ? StandardStructureTypes.H2 : StandardStructureTypes.H3),
                MARGIN,
                WIDTH,
                size,
                text);
        gap(2);
    }

    void paragraph(String text) {
        text(element(StandardStructureTypes.P), MARGIN, WIDTH, BODY, text);
        gap(4);
    }

    void list(List<String> items) {
        PDStructureElement list = element(StandardStructureTypes.L);
        for (String item : items) {
            PDStructureElement li = child(list, StandardStructureTypes.LI);
            if (y - BODY * LEADING < BOTTOM) {
                newPage();
            }
            float top = y;
            text(child(li, StandardStructureTypes.LBL), MARGIN, INDENT, BODY, "•");
            y = top;
            text(child(li, StandardStructureTypes.L_BODY), MARGIN + INDENT, WIDTH - INDENT, BODY, item);
            gap(2);
        }
        gap(4);
    }

    /**
     * A table with a header row of column headers (scope Column): the header row is repeated, as an
     * artifact, at the top of every page the table continues on.
     */
    void table(List<String> headers, float[] widths, List<List<String>> rows) {
        PDStructureElement table = element(StandardStructureTypes.TABLE);
        PDStructureElement headerRow = child(table, StandardStructureTypes.TR);
        if (y - 3 * BODY * LEADING < BOTTOM) {
            newPage();
        }
        row(headerRow, StandardStructureTypes.TH, headers, widths);
        for (List<String> cells : rows) {
            float height = height(cells, widths);
            if (y - height < BOTTOM) {
                newPage();
                row(null, null, headers, widths);
            }
            row(child(table, StandardStructureTypes.TR), StandardStructureTypes.TD, cells, widths);
        }
        gap(6);
    }

    /** Numbers the pages, completes the structure and metadata, and writes the file. */
    byte[] finish(String pageFormat, Instant created) {
        try (PDDocument written = doc;
                TrueTypeFont subsetFrom = ttf) {
            stream.close();
            int pages = doc.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage p = doc.getPage(i);
                try (PDPageContentStream footer =
                        new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = String.format(pageFormat, i + 1, pages);
                    COSDictionary pagination = new COSDictionary();
                    pagination.setName(COSName.TYPE, "Pagination");
                    pagination.setName(COSName.SUBTYPE, "Footer");
                    footer.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                    footer.beginText();
                    footer.setFont(font, 9);
                    footer.newLineAtOffset(SIZE.getWidth() - MARGIN - width(text, 9), 32);
                    footer.showText(text);
                    footer.endText();
                    footer.endMarkedContent();
                }
            }
            PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
            Map<Integer, COSObjectable> numbers = new LinkedHashMap<>();
            for (int i = 0; i < parents.size(); i++) {
                COSArray elements = new COSArray();
                parents.get(i).forEach(e -> elements.add(e.getCOSObject()));
                numbers.put(i, new PDParentTreeValue(elements));
            }
            tree.setNumbers(numbers);
            root.setParentTree(tree);
            root.setParentTreeNextKey(parents.size());

            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            catalog.setLanguage(language);
            PDMarkInfo mark = new PDMarkInfo();
            mark.setMarked(true);
            catalog.setMarkInfo(mark);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Deelpoort");
            catalog.setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp(created))));
            doc.setVersion(1.7f);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            written.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF report could not be written.", e);
        }
    }

    void gap(float points) {
        y -= points;
    }

    /** How tall a row of these cells is when wrapped into these column widths. */
    private float height(List<String> cells, float[] widths) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), widths[i] - 6, BODY).size());
        }
        return lines * BODY * LEADING + 4;
    }

    /** One row; {@code element == null} draws it as an artifact (a header repeated on a new page). */
    private void row(PDStructureElement element, String cellType, List<String> cells, float[] widths) {
        float top = y;
        float bottom = y;
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            y = top;
            if (element == null) {
                artifactText(x, widths[i] - 6, cells.get(i));
            } else {
                PDStructureElement cell = child(element, cellType);
                if (StandardStructureTypes.TH.equals(cellType)) {
                    PDTableAttributeObject scope = new PDTableAttributeObject();
                    scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                    cell.addAttribute(scope);
                }
                text(cell, x, widths[i] - 6, BODY, cells.get(i));
            }
            bottom = Math.min(bottom, y);
            x += widths[i];
        }
        y = bottom - 4;
        if (element == null || StandardStructureTypes.TH.equals(cellType)) {
            rule(y + 2);
        }
    }

    private void rule(float at) {
        try {
            stream.beginMarkedContent(COSName.ARTIFACT);
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, at);
            stream.lineTo(MARGIN + WIDTH, at);
            stream.stroke();
            stream.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wrapped lines of {@code text}, each its own marked content of {@code element}, from {@code y} down. */
    private void text(PDStructureElement element, float x, float width, float size, String text) {
        try {
            for (String line : wrap(text, width, size)) {
                float leading = size * LEADING;
                if (y - leading < BOTTOM) {
                    newPage();
                }
                y -= leading;
                List<PDStructureElement> onPage = parents.get(parents.size() - 1);
                int mcid = onPage.size();
                onPage.add(element);
                COSDictionary properties = new COSDictionary();
                properties.setInt(COSName.MCID, mcid);
                stream.beginMarkedContent(
                        COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
                show(x, size, line);
                stream.endMarkedContent();
                if (element.getPage() == null) {
                    element.setPage(page);
                }
                // Content on the element's own page is named by its id alone; only content that ran
                // on to a later page needs a reference naming the page (fewer objects in the file).
                if (element.getPage().getCOSObject() == page.getCOSObject()) {
                    element.appendKid(mcid);
                } else {
                    PDMarkedContentReference reference = new PDMarkedContentReference();
                    reference.setMCID(mcid);
                    reference.setPage(page);
                    element.appendKid(reference);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void artifactText(float x, float width, String text) {
        try {
            for (String line : wrap(text, width, BODY)) {
                y -= BODY * LEADING;
                stream.beginMarkedContent(COSName.ARTIFACT);
                show(x, BODY, line);
                stream.endMarkedContent();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(float x, float size, String line) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
    }

    private PDStructureElement element(String type) {
        return child(document, type);
    }

    private static PDStructureElement child(PDStructureElement parent, String type) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            page = new PDPage(SIZE);
            doc.addPage(page);
            page.setStructParents(parents.size());
            // Tab order follows the structure (PDF/UA-1, 7.18.3).
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            parents.add(new ArrayList<>());
            stream = new PDPageContentStream(doc, page);
            y = SIZE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : encodable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String text, float size) {
        double units = text.codePoints().mapToDouble(this::advance).sum();
        return (float) (units / 1000 * size);
    }

    /** The text with every character the font has no glyph for (or a control character) as "?". */
    private String encodable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= 32 && !Float.isNaN(advance(cp))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private float advance(int codePoint) {
        return advances.computeIfAbsent(codePoint, cp -> {
            try {
                return font.getStringWidth(new String(Character.toChars(cp)));
            } catch (IllegalArgumentException | IOException e) {
                return Float.NaN;
            }
        });
    }

    private static byte[] fontFile() {
        try (InputStream in = TaggedPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is missing at " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The report's font cannot be read.", e);
        }
    }

    /** XMP with the title, the language and the PDF/UA-1 identification (ISO 14289-1, 5). */
    private byte[] xmp(Instant created) {
        String xml = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                   <dc:format>application/pdf</dc:format>
                   <pdf:Producer>Deelpoort</pdf:Producer>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(escape(title), escape(language), created);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
