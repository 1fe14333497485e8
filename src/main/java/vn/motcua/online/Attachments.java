package vn.motcua.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.text.PlainTexts;

/**
 * The files of dossiers: checked by content, kept in the attachments folder, one row each.
 *
 * <p>A file is written under a temporary name first and given its stored name just before the
 * transaction commits; when the transaction rolls back (a later file refused, the dossier not
 * filed, the process not started) both names are deleted. So a refused upload leaves no file and no
 * row behind, and a row never names a file that was not kept.
 */
@Service
class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String PARTIAL = ".part";
    private static final int MAX_NAME = 255;

    /** A file that passed the checks, with the type its content showed and the paper it is a scan of (or null). */
    record Checked(MultipartFile file, String name, FileType type, Integer paper) {
    }

    private final AttachmentRepository attachments;
    private final AttachmentProperties properties;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final PageFormat format = new PageFormat();

    Attachments(AttachmentRepository attachments, AttachmentProperties properties, WorkingCalendar calendar,
            MessageSource messages) {
        this.attachments = attachments;
        this.properties = properties;
        this.calendar = calendar;
        this.messages = messages;
    }

    /**
     * Checks files before anything is stored: their number, each one's size, and that each one's
     * content is a PDF, JPEG or PNG matching its name's extension and its declared type.
     *
     * @param required whether at least one file is needed
     * @throws AttachmentRejected listing every bad file
     */
    List<Checked> check(List<MultipartFile> files, boolean required) {
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !(f.isEmpty() && blank(f.getOriginalFilename()))).toList();
        List<Scan> scans = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            scans.add(new Scan(given.get(i), null, "files[" + i + "]"));
        }
        return checkScans(scans, required);
    }

    /** A file to check, the paper it is a scan of (or null), and the field its errors are reported under. */
    record Scan(MultipartFile file, Integer paper, String field) {
    }

    /** {@link #check}, for files that may each be the scan of a paper, reported under their own field names. */
    List<Checked> checkScans(List<Scan> scans, boolean required) {
        List<Scan> given = scans.stream().filter(s -> s.file() != null
                && !(s.file().isEmpty() && blank(s.file().getOriginalFilename()))).toList();
        if (given.isEmpty()) {
            if (required) {
                throw reject(HttpStatus.BAD_REQUEST, List.of(error("files", "online.files.required")));
            }
            return List.of();
        }
        if (given.size() > properties.maxFiles()) {
            throw reject(HttpStatus.BAD_REQUEST, List.of(error("files", "online.files.tooMany", properties.maxFiles())));
        }
        List<Checked> checked = new ArrayList<>();
        List<AttachmentRejected.FileError> errors = new ArrayList<>();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        for (int i = 0; i < given.size(); i++) {
            MultipartFile file = given.get(i).file();
            String field = given.get(i).field();
            OptionalInt refused = PlainTexts.firstRefused(file.getOriginalFilename(), false);
            if (refused.isPresent()) {
                // a control or direction character would disguise the name (and break documents): refused, not cleaned
                errors.add(error(field, "online.file.badName", i + 1, PlainTexts.codePoint(refused.getAsInt())));
                continue;
            }
            String name = cleanName(file.getOriginalFilename());
            if (name.isEmpty()) {
                errors.add(error(field, "online.file.noName", i + 1));
                continue;
            }
            if (file.getSize() == 0) {
                errors.add(error(field, "online.file.empty", name));
                continue;
            }
            if (file.getSize() > properties.maxFileSize().toBytes()) {
                errors.add(error(field, "online.file.tooLarge", name, sizeOver(file.getSize()),
                        format.size(properties.maxFileSize().toBytes())));
                status = HttpStatus.PAYLOAD_TOO_LARGE;
                continue;
            }
            Optional<FileType> content = FileType.detect(head(file));
            Optional<FileType> byName = FileType.ofName(name);
            String declared = file.getContentType();
            Optional<FileType> byDeclared = FileType.ofMediaType(declared);
            String problem = null;
            Object claimed = null;
            if (content.isEmpty()) {
                // not a PDF, JPEG or PNG at all, whatever its name says (e.g. a program named giay-to.pdf)
                problem = byName.isPresent() ? "online.file.disguised" : "online.file.notAllowed";
                claimed = byName.map(FileType::name).orElse(null);
            } else if (byName.isEmpty() || byName.get() != content.get()) {
                problem = "online.file.mismatch";
                claimed = byName.map(FileType::name).orElse(extensionOf(name));
            } else if (!FileType.isGeneric(declared) && (byDeclared.isEmpty() || byDeclared.get() != content.get())) {
                problem = "online.file.mismatch";
                claimed = declared;
            }
            if (problem != null) {
                errors.add(error(field, problem, name, content.map(FileType::name).orElse(null), claimed));
                status = status == HttpStatus.PAYLOAD_TOO_LARGE ? status : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                continue;
            }
            checked.add(new Checked(file, name, content.get(), given.get(i).paper()));
        }
        if (!errors.isEmpty()) {
            throw reject(status, errors);
        }
        return checked;
    }

    /**
     * Stores checked files for a dossier, in the caller's transaction: they are kept if it commits
     * and deleted if it rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Attachment> store(String dossierCode, AttachmentKind kind, List<Checked> files, String actor) {
        List<Attachment> stored = new ArrayList<>();
        for (Checked file : files) {
            stored.add(store(dossierCode, kind, file, actor));
        }
        return stored;
    }

    private Attachment store(String dossierCode, AttachmentKind kind, Checked file, String actor) {
        Path folder = folder();
        String storedName = UUID.randomUUID() + "." + file.type().extension();
        Path target = folder.resolve(storedName);
        Path partial = folder.resolve(storedName + PARTIAL);
        // registered before the first byte is written, so that whatever fails from here on is cleaned up
        TransactionSynchronizationManager.registerSynchronization(new KeepOnCommit(partial, target));
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = file.file().getInputStream();
                OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
                if (size > properties.maxFileSize().toBytes()) {
                    throw reject(HttpStatus.PAYLOAD_TOO_LARGE, List.of(error("files", "online.file.tooLarge",
                            file.name(), sizeOver(size), format.size(properties.maxFileSize().toBytes()))));
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a file of dossier " + dossierCode, e);
        }
        return attachments.save(new Attachment(dossierCode, kind, file.name(), storedName, file.type().mediaType(), size,
                HexFormat.of().formatHex(sha.digest()), calendar.now(), actor, file.paper()));
    }

    @Transactional(readOnly = true)
    List<Attachment> of(String dossierCode) {
        return attachments.findByDossierCodeOrderByIdAsc(dossierCode);
    }

    @Transactional(readOnly = true)
    Optional<Attachment> latest(String dossierCode, AttachmentKind kind) {
        return attachments.findFirstByDossierCodeAndKindOrderByIdDesc(dossierCode, kind);
    }

    @Transactional(readOnly = true)
    Optional<Attachment> find(String dossierCode, long id) {
        return attachments.findByIdAndDossierCode(id, dossierCode);
    }

    /** The stored bytes of an attachment. */
    Resource open(Attachment attachment) {
        Path file = folder().resolve(attachment.getStoredName());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The file of attachment " + attachment.getId() + " of dossier "
                    + attachment.getDossierCode() + " is missing: " + file);
        }
        return new FileSystemResource(file);
    }

    private Path folder() {
        Path folder = properties.folder().toAbsolutePath().normalize();
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the attachments folder " + folder, e);
        }
    }

    private static byte[] head(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(FileType.HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an uploaded file", e);
        }
    }

    /** The file's own name without any folder, control characters or excess length. */
    static String cleanName(String original) {
        if (original == null) {
            return "";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return name;
    }

    /** A size over the limit, in bytes when rounding would make it look like the limit itself. */
    private String sizeOver(long bytes) {
        String rounded = format.size(bytes);
        return rounded.equals(format.size(properties.maxFileSize().toBytes())) ? format.number(bytes) + " byte" : rounded;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private AttachmentRejected.FileError error(String field, String key, Object... args) {
        return new AttachmentRejected.FileError(field, messages.getMessage(key, args, VI));
    }

    private AttachmentRejected reject(HttpStatus status, List<AttachmentRejected.FileError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message()
                : messages.getMessage("online.files.invalid", null, VI);
        return new AttachmentRejected(status, detail, errors);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the file its stored name before the commit; deletes it when the transaction does not commit. */
    private record KeepOnCommit(Path partial, Path target) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep the uploaded file " + target, e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                return;
            }
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(target);
            } catch (IOException e) {
                log.error("Cannot delete {} after a rolled-back upload; delete it by hand", target, e);
            }
        }
    }
}
