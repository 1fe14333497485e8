package vn.motcua.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import vn.motcua.text.PlainTexts;

/**
 * Renders a standard document's HTML (well-formed XHTML, print CSS) to an A4 PDF with openhtmltopdf.
 * The fonts are DejaVu Serif from the {@code jasperreports-fonts} jar, embedded as subsets: they have
 * every Vietnamese letter, which the PDF standard fonts lack. The templates ask for
 * {@code "Times New Roman", "DejaVu Serif", serif}: browsers print with Times New Roman where it is
 * installed, the PDF always with DejaVu Serif.
 *
 * <p>The font files are parsed once, not for each document: parsing the four faces (their character maps, kerning
 * and glyph names) made about 9 MB of short-lived objects per PDF, most of what a dossier's mails allocated, and
 * grew the heap with them. A parsed face is used by one rendering at a time (the font classes are not made for
 * sharing between threads): each rendering takes a set of the four from {@link #idle}, or parses one when all are in
 * use, and gives it back when its PDF is written; at most {@value #KEPT} sets are kept, the others closed. A face is
 * embedded (as a subset of the glyphs used) only in the documents that use it.
 */
@Component
class DocumentPdf {

    static final String FAMILY = "DejaVu Serif";
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

    private record Face(String file, int weight, FontStyle style) {
    }

    private static final List<Face> FACES = List.of(
            new Face("DejaVuSerif.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

    static {
        RendererLog.install();
    }

    /**
     * Parsed sets of the four faces there may be at once, each kept for the next rendering. A rendering that finds
     * none idle and this many in use waits for one: parsing a fifth set (some 3 MB of font data copied, then its
     * tables) for a single document, to drop it afterwards, made garbage that lived long enough to fill the old
     * generation, for the job threads (up to six) render the receipts at the same moment. Four renderings at once
     * already keep two processors busy.
     */
    static final int KEPT = 4;

    /** The font files, read once. */
    private final Map<String, byte[]> fonts = new ConcurrentHashMap<>();
    private final BlockingQueue<TrueTypeFont[]> idle = new ArrayBlockingQueue<>(KEPT);
    /** One permit for each set that may still be parsed: taken when a set is parsed, given back when it is closed. */
    private final Semaphore unparsed = new Semaphore(KEPT);
    private final AtomicInteger parsed = new AtomicInteger();

    byte[] render(String html) {
        Document markup = parse(html);
        TrueTypeFont[] faces = faces();
        boolean intact = false;
        // the renderer writes and closes the document (closed again here if it fails half-way: closing twice is
        // harmless); the faces stay open for the next one
        try (PDDocument document = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            for (int i = 0; i < FACES.size(); i++) {
                Face face = FACES.get(i);
                builder.useFont(new EmbeddedFace(document, faces[i]), FAMILY, face.weight(), face.style(), true);
            }
            builder.withW3cDocument(markup, null);
            builder.toStream(out);
            try {
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException("PDF not rendered", e);
            }
            intact = true;
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF not closed", e);
        } finally {
            // a set whose rendering failed half-way is not trusted again
            if (!intact || !idle.offer(faces)) {
                close(faces);
                unparsed.release();
            }
        }
    }

    /**
     * The document's XHTML as a DOM, parsed by the JDK's own parser: given the markup as a string, the renderer looked
     * its SAX parser up on the class path for every document. A control character stored before input was checked
     * would stop the parser: it is left out. The text is composed (NFC), so that a Vietnamese letter typed as a base
     * letter and combining marks prints as its one precomposed glyph.
     */
    static Document parse(String html) {
        String text = Normalizer.normalize(PlainTexts.strip(html), Normalizer.Form.NFC);
        try {
            DocumentBuilder parser = XHTML.newDocumentBuilder();
            parser.setErrorHandler(STRICT);
            return parser.parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Document markup not read: " + e.getMessage(), e);
        }
    }

    /** Namespace aware as the renderer's own parsing, nothing fetched from outside the markup. */
    private static final DocumentBuilderFactory XHTML = xhtmlParser();

    private static DocumentBuilderFactory xhtmlParser() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A markup error stops the rendering with its message, instead of a line on the standard error. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // nothing the document loses
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** How many parsed sets wait for the next rendering. */
    int idleSets() {
        return idle.size();
    }

    /** How many sets were parsed so far. */
    int parsedSets() {
        return parsed.get();
    }

    /** An idle set; a new one while fewer than {@link #KEPT} exist; else the next one given back. */
    private TrueTypeFont[] faces() {
        try {
            while (true) {
                TrueTypeFont[] faces = idle.poll();
                if (faces != null) {
                    return faces;
                }
                if (unparsed.tryAcquire()) {
                    try {
                        return parseFaces();
                    } catch (RuntimeException e) {
                        unparsed.release();
                        throw e;
                    }
                }
                // all in use: the first given back (or, if one is closed meanwhile, a permit to parse anew)
                faces = idle.poll(50, TimeUnit.MILLISECONDS);
                if (faces != null) {
                    return faces;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the fonts", e);
        }
    }

    private TrueTypeFont[] parseFaces() {
        TrueTypeFont[] parsed = new TrueTypeFont[FACES.size()];
        try {
            for (int i = 0; i < parsed.length; i++) {
                parsed[i] = new TTFParser().parse(new RandomAccessReadBuffer(font(FACES.get(i).file())));
                // no glyph substitutions (ligatures such as "fi", and the composition the text above already does):
                // PDFBox applied them word by word with regular expressions, a sixth of each PDF's time
                parsed[i].setEnableGsub(false);
            }
            this.parsed.incrementAndGet();
            return parsed;
        } catch (IOException e) {
            close(parsed);
            throw new UncheckedIOException("Font not read", e);
        }
    }

    private static void close(TrueTypeFont[] faces) {
        for (TrueTypeFont face : faces) {
            if (face != null) {
                try {
                    face.close();
                } catch (IOException e) {
                    // nothing was written to it
                }
            }
        }
    }

    /** A face loaded into the document the first time the layout asks for it, as a subset of the glyphs used. */
    private static final class EmbeddedFace extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont face;
        private PDFont font;

        EmbeddedFace(PDDocument document, TrueTypeFont face) {
            super(null);
            this.document = document;
            this.face = face;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    // the document does not close a face given to it parsed
                    font = PDType0Font.load(document, face, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("Font not embedded", e);
                }
            }
            return font;
        }
    }

    private byte[] font(String file) {
        return fonts.computeIfAbsent(file, name -> {
            try (InputStream in = DocumentPdf.class.getClassLoader().getResourceAsStream(FONTS + name)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + FONTS + name + " is not on the classpath (jasperreports-fonts)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
