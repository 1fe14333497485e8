package vn.motcua.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Imports of the province's procedure list (CSV or XLSX).
 *
 * @param maxFileSize     the largest file accepted (413 beyond); keep it below spring.servlet.multipart.max-file-size
 * @param maxRows         the most rows a file may have, header included (refused as a whole beyond)
 * @param maxCellChars    the longest cell (a row with a longer one is refused)
 * @param maxUnzippedSize the most an XLSX part may inflate to (zip bombs are refused beyond)
 * @param startupFiles    files imported at start-up, in order, after the catalog data file; a file whose content
 *                        was already imported at start-up is skipped. The demo profile names the shipped sample.
 */
@ConfigurationProperties("motcua.catalog.import")
public record CatalogImportProperties(
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("5000") int maxRows,
        @DefaultValue("4000") int maxCellChars,
        @DefaultValue("100MB") DataSize maxUnzippedSize,
        @DefaultValue List<Resource> startupFiles) {
}
