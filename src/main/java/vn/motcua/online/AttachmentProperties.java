package vn.motcua.online;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and how big the files of dossiers may be. The servlet's own multipart limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}) must stay above these,
 * so that these checks, with their clear messages, are the ones that refuse.
 *
 * @param folder      the folder the files are kept in, outside the database
 * @param maxFileSize the largest file accepted
 * @param maxFiles    the most files accepted in one filing, supplement or result
 */
@ConfigurationProperties("motcua.attachments")
public record AttachmentProperties(
        @DefaultValue("./data/attachments") Path folder,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("10") int maxFiles) {

    public AttachmentProperties {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("motcua.attachments.max-files must be at least 1");
        }
        if (maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("motcua.attachments.max-file-size must be positive");
        }
    }
}
