package vn.motcua.mail;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;

/**
 * The outbox folder: where mail goes when no SMTP server is configured, one {@code .eml} file per
 * message, named {@code yyyyMMdd-HHmmss-SSS-xxxxxxxx.eml} (local time of sending, then a random
 * part) so that names sort by time. Staff list and open the files through
 * {@code /api/mail/outbox}; only names of exactly that form are ever opened, so no path leads
 * outside the folder.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final Pattern FILE = Pattern.compile("(\\d{8}-\\d{6}-\\d{3})-[0-9a-f]{8}\\.eml");
    /** The survey page's path and its token (see {@code vn.motcua.survey.SurveyTokens}). */
    private static final Pattern SURVEY_LINK = Pattern.compile("(/khao-sat/)[A-Za-z0-9_-]+");
    /** A query parameter that carries a secret, in a link of any page. */
    private static final Pattern TOKEN_PARAMETER = Pattern.compile(
            "([?&](?:amp;)?(?:token|t|key|secret|access)=)[^&\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    /** Any other run that looks like a random token (32 or more base64url characters). */
    private static final Pattern LONG_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path folder;
    private final ZoneId zone;

    MailOutbox(MailProperties properties, WorkingCalendar calendar) {
        this.folder = properties.outbox().toAbsolutePath().normalize();
        this.zone = calendar.zone();
    }

    /**
     * One file in the outbox.
     *
     * @param file      the file name, for {@link #open}
     * @param time      when it was written
     * @param to        the recipients as written in the message
     * @param subject   the decoded subject
     * @param messageId the Message-ID, as recorded in the mail log
     */
    public record Entry(String file, OffsetDateTime time, List<String> to, String subject, String messageId) {
    }

    /** The newest files first, at most {@code limit} of them; an unreadable file is skipped. */
    public List<Entry> recent(int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> FILE.matcher(n).matches())
                    .sorted(Comparator.reverseOrder()).limit(Math.max(0, limit)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outbox " + folder, e);
        }
        return names.stream().map(this::entry).flatMap(Optional::stream).toList();
    }

    /** The file of that name in the outbox; empty for any name that is not an outbox file name. */
    public Optional<Path> open(String file) {
        if (file == null || !FILE.matcher(file).matches()) {
            return Optional.empty();
        }
        Path path = folder.resolve(file).normalize();
        if (!folder.equals(path.getParent()) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /**
     * The message of that name as staff may read it: every text part with the citizens' secret links
     * masked (the survey link's token, any token-like query parameter or long random path segment),
     * so that no one but the citizen can answer the survey or follow the link. The file itself is
     * left as sent.
     *
     * @param mask what stands in for a secret
     */
    public Optional<byte[]> redacted(String file, String mask) {
        return open(file).map(path -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                String messageId = message.getMessageID();
                redact(message, mask);
                message.saveChanges();
                if (messageId != null) {
                    message.setHeader("Message-ID", messageId);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the outbox file " + file, e);
            } catch (MessagingException e) {
                throw new IllegalStateException("Cannot read the outbox file " + file, e);
            }
        });
    }

    /** {@code text} with secret tokens replaced by {@code mask}. */
    static String redact(String text, String mask) {
        String masked = SURVEY_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mask));
        masked = TOKEN_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + mask));
        return LONG_TOKEN.matcher(masked).replaceAll(Matcher.quoteReplacement(mask));
    }

    private static void redact(Part part, String mask) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                redact(multipart.getBodyPart(i), mask);
            }
        } else if (part.isMimeType("message/rfc822")) {
            redact((Part) part.getContent(), mask);
        } else if (part.isMimeType("text/*") && part instanceof MimePart mime) {
            ContentType type = new ContentType(part.getContentType());
            String charset = type.getParameter("charset") != null ? type.getParameter("charset") : "UTF-8";
            String text = part.getContent() instanceof String s ? s : new String(part.getInputStream().readAllBytes(),
                    java.nio.charset.Charset.forName(charset));
            String masked = redact(text, mask);
            if (!masked.equals(text)) {
                String disposition = mime.getHeader("Content-Disposition", null);
                String fileName = part.getFileName();
                mime.setText(masked, charset, type.getSubType());
                if (disposition != null) {
                    mime.setHeader("Content-Disposition", disposition);
                }
                if (fileName != null) {
                    part.setFileName(fileName);
                }
            }
        }
    }

    /** The folder, absolute. */
    public Path folder() {
        return folder;
    }

    private Optional<Entry> entry(String name) {
        Matcher m = FILE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        OffsetDateTime time = LocalDateTime.parse(m.group(1), FILE_TIME).atZone(zone).toOffsetDateTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(name)))) {
            InternetHeaders headers = new InternetHeaders(in);
            String subject = decode(headers.getHeader("Subject", null));
            String messageId = headers.getHeader("Message-ID", null);
            String to = headers.getHeader("To", ",");
            List<String> recipients = to == null ? List.of()
                    : Arrays.stream(InternetAddress.parseHeader(MimeUtility.unfold(to), false))
                            .map(MailOutbox::readable).toList();
            return Optional.of(new Entry(name, time, recipients, subject, messageId));
        } catch (IOException | MessagingException e) {
            log.warn("Outbox file {} is unreadable: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code Name <address>} without the quotes RFC 5322 puts around a name with spaces. */
    private static String readable(InternetAddress address) {
        return address.getPersonal() == null ? address.getAddress()
                : address.getPersonal() + " <" + address.getAddress() + ">";
    }

    private static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    /**
     * Writes the message as a new file: under a temporary name first, then renamed, so that the
     * listing never sees half a file.
     *
     * @param at the moment of sending, which names the file
     */
    void write(MimeMessage message, Instant at) throws MessagingException, IOException {
        Files.createDirectories(folder);
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId); // saveChanges() makes up a new one
        }
        String name = FILE_TIME.format(at.atZone(zone)) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        Path temporary = Files.createTempFile(folder, ".", ".tmp");
        try {
            // buffered: the encoders write a mail's text and attachments a few bytes at a time
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 64 * 1024)) {
                message.writeTo(out);
            }
            Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
