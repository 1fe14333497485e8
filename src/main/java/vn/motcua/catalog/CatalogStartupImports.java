package vn.motcua.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Imports the files named in {@code motcua.catalog.import.startup-files} once the application has started
 * (after the catalog data file): the demo's sample list, or a province's list given on the command line
 * ({@code --motcua.catalog.import.startup-files=file:/path/danh-muc.xlsx}). A file already imported at
 * start-up with the same content is skipped; the report goes to the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogStartupImports implements ApplicationRunner {

    private final CatalogImportProperties properties;
    private final CatalogImports imports;

    CatalogStartupImports(CatalogImportProperties properties, CatalogImports imports) {
        this.properties = properties;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource file : properties.startupFiles()) {
            imports.importAtStartup(file);
        }
    }
}
