package vn.motcua.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the standard documents print beside their date.
 *
 * @param place the place name of the date line ("Huế, ngày 02 tháng 12 năm 2026", Decree 30/2020): the
 *              province or city where the issuing units sit
 */
@ConfigurationProperties("motcua.documents")
public record DocumentProperties(@DefaultValue("Huế") String place) {
}
