package vn.motcua.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators look into the outbox: what the system would have mailed without an SMTP server (see
 * {@code SecurityConfiguration}: {@code camunda-admin} only). A message is shown with the citizen's secret
 * links masked.
 */
@RestController
@RequestMapping("/api/mail/outbox")
class MailOutboxController {

    static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final MessageSource messages;

    MailOutboxController(MailOutbox outbox, MailTemplates templates, MessageSource messages) {
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
    }

    /** The newest messages first: time, recipients, subject, file name. */
    @GetMapping
    List<MailOutbox.Entry> list(@RequestParam(defaultValue = "50") int limit) {
        return outbox.recent(clamp(limit));
    }

    /** The same list as a page, for staff who open the address in a browser. */
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(defaultValue = "200") int limit) {
        List<MailOutbox.Entry> entries = outbox.recent(clamp(limit));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.render("pages/outbox.html.vm", Map.of("entries", entries, "count", entries.size())));
    }

    private static int clamp(int limit) {
        return Math.min(Math.max(limit, 1), 500);
    }

    /** One message as it would have been sent, except that the citizen's secret links are masked. */
    @GetMapping("/{file}")
    ResponseEntity<byte[]> file(@PathVariable String file) {
        String mask = messages.getMessage("mail.outbox.redacted", null, Locale.forLanguageTag("vi"));
        return outbox.redacted(file, mask)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(RFC822)
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.inline().filename(file).build().toString())
                        .body(bytes))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "mail.outbox.notFound",
                        new Object[] {file}));
    }
}
