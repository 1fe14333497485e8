package vn.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The PDFs of the standard forms with the font files parsed once: each document carries its own text in DejaVu
 * Serif, embedded as subsets of the faces it uses, one after another and from several threads at once.
 */
class DocumentPdfTest {

    private final DocumentPdf pdf = new DocumentPdf();

    @Test
    void documentsOneAfterAnotherEachEmbedTheFacesTheyUse() throws IOException {
        byte[] plain = pdf.render(page("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Nguyễn Thị Hương"));
        byte[] bold = pdf.render(page("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "<b>Trần Văn Đức</b> <i>ghi chú</i>"));
        byte[] again = pdf.render(page("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Nguyễn Thị Hương"));

        assertThat(text(plain)).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả Nguyễn Thị Hương");
        // the heading is bold, the paragraph regular: no italic face in this one
        assertThat(fonts(plain)).containsExactly("DejaVuSerif", "DejaVuSerif-Bold");
        assertThat(text(bold)).isEqualTo("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ Trần Văn Đức ghi chú");
        assertThat(fonts(bold)).containsExactly("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic");
        assertThat(text(again)).isEqualTo(text(plain));
        assertThat(fonts(again)).containsExactly("DejaVuSerif", "DejaVuSerif-Bold");
        assertThat(pdf.idleSets()).as("the parsed faces kept for the next document, not parsed again").isOne();
    }

    @Test
    void documentsRenderedAtOnceFromSeveralThreadsKeepTheirOwnText() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<String[]>> rendered = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = "Công dân số " + i + " Lê Thị Ánh Tuyết";
                rendered.add(threads.submit(() -> new String[] {name,
                        text(pdf.render(page("Thông báo kết quả", "<b>" + name + "</b>")))}));
            }
            for (Future<String[]> one : rendered) {
                String[] result = one.get();
                assertThat(result[1]).isEqualTo("Thông báo kết quả " + result[0]);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pdf.idleSets()).isBetween(1, DocumentPdf.KEPT);
        // six threads at once share the four sets: none parsed for one document and dropped
        assertThat(pdf.parsedSets()).isBetween(1, DocumentPdf.KEPT);
    }

    @Test
    void aVietnameseNameTypedWithCombiningMarksPrintsAsItsLetters() throws IOException {
        String name = "Nguyễn Thị Hương Phúc Trường";
        String typedDecomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        assertThat(typedDecomposed).isNotEqualTo(name);

        byte[] rendered = pdf.render(page("Thông báo", typedDecomposed));

        // one precomposed letter each, as the name typed composed (a base letter and loose marks would not copy back
        // as the same text, nor always print the marks in place)
        assertThat(text(rendered)).isEqualTo("Thông báo " + name);
    }

    @Test
    void badMarkupStopsTheRenderingWithItsReasonAndPrintsNothingOnItsOwn() {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> pdf.render("<html><body><p>Hồ sơ <b>chưa đóng</p></body></html>"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Document markup not read");
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theRenderersMessagesGoToTheApplicationLogAtTheirLevelsNotToTheConsole() throws IOException {
        Logger renderer = (Logger) LoggerFactory.getLogger("com.openhtmltopdf");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        renderer.addAppender(logged);
        Level level = renderer.getLevel();
        renderer.setLevel(Level.DEBUG);
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setErr(console);
        System.setOut(console);
        try {
            pdf.render("<html><head><style>p { color: khongphaimau; }</style></head><body><p>Hồ sơ</p></body></html>");
        } finally {
            System.setErr(err);
            System.setOut(out);
            renderer.detachAppender(logged);
            renderer.setLevel(level);
        }
        // the renderer's own console format ("com.openhtmltopdf.load INFO:: …"), past the application's log
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("INFO::").doesNotContain("WARNING::");
        // the CSS it could not read is a warning; its notes on each document (fonts loaded, stylesheets parsed) debug
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("khongphaimau"));
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.DEBUG).isNotEmpty();
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).doesNotContain(Level.INFO);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><style>body { font-family: 'DejaVu Serif'; }</style></head><body><h1>"
                + title + "</h1><p>" + body + "</p></body></html>";
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    /** The fonts the pages use, without their subset prefix; each must be an embedded subset. */
    private static TreeSet<String> fonts(byte[] pdf) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    String font = page.getResources().getFont(name).getName();
                    assertThat(font).as("embedded as a subset").matches("[A-Z]{6}\\+.+");
                    names.add(font.substring(7));
                }
            }
        }
        return names;
    }
}
