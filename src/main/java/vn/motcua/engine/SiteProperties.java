package vn.motcua.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the application is reached, for links in mails (Tasklist, look-up pages).
 *
 * @param baseUrl the public address, without a trailing slash
 */
@ConfigurationProperties("motcua.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    public SiteProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
