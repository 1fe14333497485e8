package vn.motcua.report;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Decision 766 indicators.
 *
 * @param electronicResultProcedures the procedures whose result is electronic by nature (nothing on paper to
 *                                   return): their online dossiers count as online (3.3) without an electronic
 *                                   result attached. Every other procedure's online dossier counts only once its
 *                                   electronic result is attached. None by default: the catalog's results are papers
 */
@ConfigurationProperties("motcua.reports.indicators")
public record IndicatorProperties(@DefaultValue Set<String> electronicResultProcedures) {

    public IndicatorProperties {
        electronicResultProcedures = electronicResultProcedures == null ? Set.of()
                : Set.copyOf(electronicResultProcedures.stream().filter(p -> p != null && !p.isBlank())
                        .map(String::strip).toList());
    }
}
