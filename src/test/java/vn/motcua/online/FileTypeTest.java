package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recognising files by content, without the application. */
class FileTypeTest {

    @Test
    void filesAreRecognisedByTheirFirstBytesOnly() {
        assertThat(FileType.detect(Samples.pdf("x"))).contains(FileType.PDF);
        assertThat(FileType.detect(Samples.jpeg())).contains(FileType.JPEG);
        assertThat(FileType.detect(Samples.png())).contains(FileType.PNG);
        assertThat(FileType.detect(Samples.exe())).isEmpty();
        assertThat(FileType.detect("%PD".getBytes())).isEmpty();
        assertThat(FileType.detect(new byte[0])).isEmpty();
        assertThat(FileType.detect("GIF89a..".getBytes())).isEmpty();
    }

    @Test
    void namesAndDeclaredTypesAreOnlyClaims() {
        assertThat(FileType.ofName("Giấy Tờ.PDF")).contains(FileType.PDF);
        assertThat(FileType.ofName("anh.jpeg")).contains(FileType.JPEG);
        assertThat(FileType.ofName("anh.JPG")).contains(FileType.JPEG);
        assertThat(FileType.ofName("giay-to.pdf.exe")).isEmpty();
        assertThat(FileType.ofName("khong-duoi")).isEmpty();
        assertThat(FileType.ofMediaType("image/jpg")).contains(FileType.JPEG);
        assertThat(FileType.ofMediaType("application/pdf; charset=binary")).contains(FileType.PDF);
        assertThat(FileType.isGeneric("application/octet-stream")).isTrue();
        assertThat(FileType.isGeneric(null)).isTrue();
        assertThat(FileType.isGeneric("application/x-msdownload")).isFalse();
    }

    @Test
    void fileNamesAreKeptWithoutFoldersOrControlCharacters() {
        assertThat(Attachments.cleanName("C:\\Users\\an\\giay-to.pdf")).isEqualTo("giay-to.pdf");
        assertThat(Attachments.cleanName("../../etc/passwd.png")).isEqualTo("passwd.png");
        assertThat(Attachments.cleanName("to\u0000khai\n.pdf")).isEqualTo("tokhai.pdf");
        assertThat(Attachments.cleanName("a".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }
}
