package vn.motcua.online;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Files and filings for the online channel's tests. */
final class Samples {

    /** Birth registration: received and handled by UBND phường Thuận Hóa, filed online. */
    static final String BIRTH = "1.001193";
    /** Enterprise registration: received at the city's centre (hcc), handled by Sở Tài chính. */
    static final String ENTERPRISE = "2.001610";
    static final String ID_NUMBER = "046195004321";

    private Samples() {
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] jpeg() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    /** The start of a Windows executable (an "MZ" header). */
    static byte[] exe() {
        byte[] bytes = new byte[256];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        return bytes;
    }

    /** A PDF of exactly {@code size} bytes. */
    static byte[] pdfOfSize(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static Map<String, Object> filing(String procedure, String name) {
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("fullName", name);
        applicant.put("idNumber", ID_NUMBER);
        applicant.put("phone", "0914555666");
        applicant.put("email", "congdan@example.com");
        applicant.put("address", "12 Nguyễn Huệ, phường Thuận Hóa, Huế");
        Map<String, Object> filing = new HashMap<>();
        filing.put("procedureCode", procedure);
        filing.put("applicant", applicant);
        filing.put("formData", Map.of("childName", "Nguyễn Thị Mai"));
        return filing;
    }
}
