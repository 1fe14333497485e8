package vn.motcua.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the catalog comes from.
 *
 * @param location the YAML data file with units and procedures
 */
@ConfigurationProperties("motcua.catalog")
public record CatalogProperties(@DefaultValue("classpath:catalog/catalog.yml") Resource location) {
}
