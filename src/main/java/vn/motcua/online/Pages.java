package vn.motcua.online;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.motcua.mail.MailTemplates;

/**
 * Renders the citizens' pages from {@code templates/pages/<name>.html.vm}: Velocity, strict, every
 * value HTML-escaped. The pages share {@code _top.html.vm} and {@code _bottom.html.vm}; they use no
 * script and no style of their own, so the Content-Security-Policy allows only this site's CSS.
 */
@Component
class Pages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

    private final MailTemplates templates;
    private final AttachmentProperties attachments;
    private final PageFormat format = new PageFormat();

    Pages(MailTemplates templates, AttachmentProperties attachments) {
        this.templates = templates;
        this.attachments = attachments;
    }

    ResponseEntity<String> ok(String page, Map<String, ?> model) {
        return render(HttpStatus.OK, page, model);
    }

    /** A page about one applicant's dossier: never kept by a cache. */
    ResponseEntity<String> render(HttpStatusCode status, String page, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("format", format);
        variables.put("maxFileSize", format.size(attachments.maxFileSize().toBytes()));
        variables.put("maxFiles", attachments.maxFiles());
        String html = templates.render("pages/" + page + ".html.vm", variables);
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY).header("Referrer-Policy", "no-referrer").body(html);
    }
}
