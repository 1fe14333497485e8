package vn.motcua.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One email: HTML with a plain-text alternative (or plain text only when {@code html} is null),
 * and optional attachments. {@link MailTemplates#compose} builds one from templates.
 *
 * @param to          the recipients, RFC 5322 addresses, optionally with a display name
 * @param subject     one line; Vietnamese is fine (it is sent RFC 2047 encoded)
 * @param html        the HTML body, or null for a plain-text message
 * @param text        the plain-text body
 * @param attachments files attached to the message, possibly none
 */
public record MailMessage(List<String> to, String subject, String html, String text, List<Attachment> attachments) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        to = List.copyOf(to);
        if (to.isEmpty() || to.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a message needs at least one recipient and no blank ones");
        }
        if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("the subject must be one non-blank line");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** This message with one more attachment. */
    public MailMessage withAttachment(String fileName, String contentType, byte[] content) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(new Attachment(fileName, contentType, content));
        return new MailMessage(to, subject, html, text, all);
    }

    /**
     * A file attached to a message.
     *
     * @param fileName    the name the recipient sees (Vietnamese is fine)
     * @param contentType the MIME type, e.g. {@code application/pdf}
     * @param content     the bytes
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException("an attachment needs a plain file name");
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}
