package vn.motcua.online;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as a download: its checked type, its original name, never rendered inline. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<Resource> of(Attachment attachment, Resource file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(attachment.getOriginalName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        headers.set("X-Checksum-SHA256", attachment.getSha256());
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(attachment.getContentType()))
                .contentLength(attachment.getSize()).body(file);
    }
}
