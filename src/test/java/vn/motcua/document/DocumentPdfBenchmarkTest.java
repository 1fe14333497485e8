package vn.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one standard form's PDF costs: the receipt (Form 01, as the receiving counter's reception mails it to the
 * citizen, one per dossier) rendered again and again on one thread, after a warm-up; prints the time per PDF (median
 * and 95th percentile) and the bytes allocated per PDF (the thread's own count), on a line starting with
 * {@code SPEED pdf}. The form is a copy of one rendered by the demo ({@code documents/form-01-sample.html}: heading,
 * applicant, the six papers' table, appointment, signatures), so the renderer alone is measured, without the
 * database. {@code ./mvnw verify -Pbenchmark -Dtest=DocumentPdfBenchmarkTest} ({@code benchmark.pdfs}, 2,000;
 * {@code benchmark.pdfWarmup}, 500).
 */
@Tag("benchmark")
class DocumentPdfBenchmarkTest {

    static final int PDFS = Integer.getInteger("benchmark.pdfs", 2_000);
    static final int WARMUP = Integer.getInteger("benchmark.pdfWarmup", 500);

    @Test
    void aReceiptsPdf() throws IOException {
        String html;
        try (InputStream in = getClass().getResourceAsStream("/documents/form-01-sample.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DocumentPdf pdf = new DocumentPdf();
        byte[] last = null;
        for (int i = 0; i < WARMUP; i++) {
            last = pdf.render(html);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[PDFS];
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < PDFS; i++) {
            long start = System.nanoTime();
            last = pdf.render(html);
            nanos[i] = System.nanoTime() - start;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        Arrays.sort(nanos);

        System.out.printf("SPEED pdf Form 01 (%,d bytes): %.2f ms median, %.2f ms p95, %.2f MB allocated per PDF,"
                + " %,d PDFs on one thread after %,d%n", last.length, nanos[PDFS / 2] / 1e6,
                nanos[(int) (PDFS * 0.95)] / 1e6, allocated / (double) PDFS / (1 << 20), PDFS, WARMUP);
        try (PDDocument document = Loader.loadPDF(last)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").contains("Nguyễn Văn An")
                    .contains("000.00.41.H57-261207-0001");
        }
    }
}
