package vn.motcua.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

import vn.motcua.text.PlainTexts;

/**
 * Renders a standard document's HTML (well-formed XHTML, print CSS) to an A4 PDF with openhtmltopdf.
 * The fonts are DejaVu Serif from the {@code jasperreports-fonts} jar, embedded as subsets: they have
 * every Vietnamese letter, which the PDF standard fonts lack. The templates ask for
 * {@code "Times New Roman", "DejaVu Serif", serif}: browsers print with Times New Roman where it is
 * installed, the PDF always with DejaVu Serif.
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

    /** The font files, read once. */
    private final Map<String, byte[]> fonts = new ConcurrentHashMap<>();

    byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (Face face : FACES) {
            byte[] font = font(face.file());
            builder.useFont(() -> new ByteArrayInputStream(font), FAMILY, face.weight(), face.style(), true);
        }
        // a control character stored before input was checked would stop the XHTML parser: leave it out
        builder.withHtmlContent(PlainTexts.strip(html), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF not rendered", e);
        }
        return out.toByteArray();
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
