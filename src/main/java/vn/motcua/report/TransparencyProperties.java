package vn.motcua.report;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public transparency page ({@code /cong-khai}, {@code /api/public/transparency}).
 *
 * @param minResponses a SIPAS index (and its elements) resting on fewer survey responses is not published: "chưa đủ
 *                     dữ liệu"
 * @param minDossiers  likewise the on-time rate (dossiers handled) and the online share (dossiers received)
 * @param refreshAfter how long a period's figures are served from memory before they are computed again
 * @param maxPeriods   how many periods (a year, or a month) are kept in memory at most
 * @param firstYear    the first year that can be asked for; the last is the current one
 */
@Validated
@ConfigurationProperties("motcua.transparency")
public record TransparencyProperties(
        @DefaultValue("10") @Min(1) int minResponses,
        @DefaultValue("10") @Min(1) int minDossiers,
        @DefaultValue("PT5M") Duration refreshAfter,
        @DefaultValue("64") @Min(13) @Max(10_000) int maxPeriods,
        @DefaultValue("2020") @Min(2000) int firstYear) {
}
