package vn.motcua.online;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file accepted, recognised by their first bytes (magic numbers), never by the name or
 * the type the sender declared.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** How many leading bytes {@link #detect} needs. */
    static final int HEAD = 8;

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension files of this type are stored with. */
    public String extension() {
        return extensions.get(0);
    }

    /** The type whose magic number the content starts with. */
    static Optional<FileType> detect(byte[] head) {
        return Arrays.stream(values()).filter(type -> type.startsOf(head)).findFirst();
    }

    /** The type a file name's extension claims, if it claims one of ours. */
    static Optional<FileType> ofName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.extensions.contains(ext)).findFirst();
    }

    /** The type a declared media type claims, if it claims one of ours ({@code image/jpg} counts as JPEG). */
    static Optional<FileType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("image/jpg") || base.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(base)).findFirst();
    }

    /** Whether a declared media type says nothing about the content (absent, or a generic binary). */
    static boolean isGeneric(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return true;
        }
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("application/octet-stream") || base.equals("binary/octet-stream");
    }

    private boolean startsOf(byte[] head) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
