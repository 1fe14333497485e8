package vn.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

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
