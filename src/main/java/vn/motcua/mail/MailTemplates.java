package vn.motcua.mail;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.Renderable;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;

/**
 * Renders the Velocity templates of the top-level {@code templates/} folder (on the classpath as
 * {@code templates/}), UTF-8.
 *
 * <ul>
 * <li><b>Strict:</b> a variable the model lacks, or a method its value lacks, fails with
 * {@link TemplateNotRendered} instead of printing blank. A variable whose value is null is allowed
 * ({@code #if($officerName)} tells), printing it is not.</li>
 * <li><b>Escaped:</b> in {@code *.html.vm} templates every inserted value is HTML-escaped, except a
 * {@link TrustedHtml}; other templates (plain text, subjects) insert values as they are.</li>
 * <li><b>Tools:</b> {@code $dates} formats dates the Vietnamese way in the province's zone
 * ({@link TemplateDates}); the macros of {@code templates/mail/layout.vm} give every mail the same
 * header and footer, those of {@code templates/documents/layout.vm} every standard document (Forms
 * 01–07) the same A4 page and national heading.</li>
 * </ul>
 */
@Component
public class MailTemplates {

    /** The classpath folder of all templates. */
    static final String ROOT = "templates/";
    /** The macro library shared by the mail templates. */
    static final String MACROS = ROOT + "mail/layout.vm";
    /** The macro library shared by the standard documents (Forms 01–07): the page, its heading and print styles. */
    static final String DOCUMENT_MACROS = ROOT + "documents/layout.vm";

    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*(\\.[a-z0-9]+)+");
    private static final Pattern MAIL_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RESERVED = Set.of("dates", "subject");
    private static final ReferenceInsertionEventHandler ESCAPE_HTML = (context, reference, value) ->
            value == null || value instanceof TrustedHtml || value instanceof Renderable ? value : escapeHtml(value.toString());

    private final RuntimeInstance velocity = new RuntimeInstance();
    private final TemplateDates dates;

    @Autowired
    MailTemplates(WorkingCalendar calendar) {
        this(calendar.zone());
    }

    MailTemplates(ZoneId zone) {
        this.dates = new TemplateDates(zone);
        Properties config = new Properties();
        config.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        config.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        config.setProperty("resource.loader.classpath.cache", "true");
        config.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        config.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        config.setProperty(RuntimeConstants.VM_LIBRARY, MACROS + "," + DOCUMENT_MACROS);
        // Templates may call methods on their values, but not reach classes, class loaders or the runtime.
        config.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        velocity.init(config);
    }

    /**
     * Renders one template.
     *
     * @param template its path under {@code templates/}, e.g. {@code mail/step-due-soon.html.vm};
     *                 a name ending in {@code .html.vm} is HTML and gets its values escaped
     * @param model    the variables; keys {@code dates} and {@code subject} are reserved
     * @throws TemplateNotRendered when the template is missing, malformed, or needs what the model lacks
     */
    public String render(String template, Map<String, ?> model) {
        return merge(template, checked(model));
    }

    /**
     * Builds a message from the three templates {@code templates/mail/<name>.subject.vm} (one
     * line; whitespace is collapsed), {@code <name>.html.vm} and {@code <name>.txt.vm}. The bodies
     * can use the rendered subject as {@code $subject}.
     *
     * @param name  the mail's name, e.g. {@code step-due-soon}
     * @param model the variables all three templates need
     * @param to    the recipients
     */
    public MailMessage compose(String name, Map<String, ?> model, List<String> to) {
        if (name == null || !MAIL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a mail template name: " + name);
        }
        Map<String, Object> variables = checked(model);
        String subject = merge("mail/" + name + ".subject.vm", variables).strip().replaceAll("\\s+", " ");
        variables.put("subject", subject);
        String html = merge("mail/" + name + ".html.vm", variables);
        String text = merge("mail/" + name + ".txt.vm", variables);
        return new MailMessage(to, subject, html, text, List.of());
    }

    private static Map<String, Object> checked(Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        for (String reserved : RESERVED) {
            if (variables.containsKey(reserved)) {
                throw new IllegalArgumentException("'" + reserved + "' is reserved in templates");
            }
        }
        return variables;
    }

    private String merge(String template, Map<String, Object> variables) {
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("not a template path: " + template);
        }
        VelocityContext context = new VelocityContext(new HashMap<>(variables));
        context.put("dates", dates);
        if (template.endsWith(".html.vm")) {
            EventCartridge events = new EventCartridge();
            events.addReferenceInsertionEventHandler(ESCAPE_HTML);
            context.attachEventCartridge(events);
        }
        try {
            Template t = velocity.getTemplate(ROOT + template, StandardCharsets.UTF_8.name());
            StringWriter out = new StringWriter();
            t.merge(context, out);
            return out.toString();
        } catch (VelocityException | IllegalArgumentException e) {
            throw new TemplateNotRendered(template, e);
        }
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
