package vn.motcua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.survey.SatisfactionReport.Satisfaction;

/**
 * {@code GET /api/public/transparency}: the figures of {@link Transparency} as the public sees them, the page
 * ({@code /cong-khai}) printing the same records. Counts only; a percentage resting on fewer dossiers or
 * responses than the thresholds is null with the reason.
 *
 * @param month      1–12, or null for the whole year
 * @param asOf       when the dossiers were looked at (now, or the end of a past period)
 * @param updatedAt  when these figures were computed (they are kept a few minutes)
 * @param thresholds the fewest dossiers (rates) and survey responses (SIPAS) a published percentage rests on
 * @param city       the whole city
 * @param agencies   every unit, by name
 */
record TransparencyJson(int year, Integer month, LocalDate from, LocalDate to, OffsetDateTime asOf,
        OffsetDateTime updatedAt, Thresholds thresholds, AgencyJson city, List<AgencyJson> agencies) {

    private static final Locale VI = Locale.forLanguageTag("vi");
    static final List<String> ELEMENTS = List.of("access", "procedure", "officers", "result", "feedback");

    record Thresholds(int minDossiers, int minResponses) {
    }

    /**
     * A percentage with what it rests on.
     *
     * @param value  two decimals; null when not published
     * @param basis  how many dossiers or responses it rests on
     * @param reason why it is not published ("chưa đủ dữ liệu …"); null when it is
     */
    record Rate(BigDecimal value, long basis, String reason) {
    }

    /**
     * One agency's (or the city's: {@code unit} and {@code name} null) figures for the period.
     *
     * @param onlineShare       received online / received
     * @param inProgress        received and not finished as of {@code asOf}, of which {@code inProgressOverdue} past
     *                          their due
     * @param onTimeRate        (finished early + on time + in progress not yet due) / (finished + in progress), as the
     *                          staff indicators (Decision 766)
     * @param trend             each month of the year up to the period's last month (or the current one)
     */
    record AgencyJson(String unit, String name, long received, long receivedOnline, Rate onlineShare,
            long finishedEarly, long finishedOnTime, long finishedLate, long inProgress, long inProgressOverdue,
            Rate onTimeRate, SatisfactionJson satisfaction, ComplaintsJson complaints, List<MonthJson> trend) {
    }

    /**
     * The satisfaction surveys invited in the period (SIPAS, Ministry of Home Affairs).
     *
     * @param elements each of the five elements' index, in SIPAS order
     */
    record SatisfactionJson(long responses, Rate sipas, Map<String, Rate> elements) {
    }

    /** Complaints filed after a low score on the period's surveys, and how many the unit's leaders answered. */
    record ComplaintsJson(long received, long answered) {
    }

    /** @param month yyyy-MM */
    record MonthJson(String month, long received, Rate onTimeRate) {
    }

    static TransparencyJson of(Transparency.View view, TransparencyProperties properties, MessageSource messages,
            ZoneId zone) {
        Transparency.Figures figures = view.figures();
        Transparency.Period period = figures.period();
        Rates rates = new Rates(properties, messages);
        return new TransparencyJson(period.year(), period.wholeYear() ? null : period.month(), period.from(),
                period.to(), figures.asOf().atZone(zone).toOffsetDateTime(),
                figures.computedAt().atZone(zone).toOffsetDateTime(),
                new Thresholds(properties.minDossiers(), properties.minResponses()),
                agency(figures.city(), view, rates),
                figures.agencies().stream().map(a -> agency(a, view, rates)).toList());
    }

    private static AgencyJson agency(Transparency.Agency agency, Transparency.View view, Rates rates) {
        Counts c = agency.counts();
        Satisfaction s = agency.satisfaction();
        Map<String, Rate> elements = new LinkedHashMap<>();
        ELEMENTS.forEach(e -> elements.put(e, rates.responses(s.elements().get(e), s.responses())));
        List<MonthJson> trend = view.months().stream().map(month -> {
            Counts m = agency.unit() == null ? month.city().counts() : month.agency(agency.unit()).counts();
            return new MonthJson(String.format("%04d-%02d", month.period().year(), month.period().month()), m.received(), rates.dossiers(
                    Indicators.onTimeRate(m), m.finished() + m.inProgress()));
        }).toList();
        return new AgencyJson(agency.unit(), agency.name(), c.received(), c.receivedOnline(),
                rates.dossiers(Indicators.onlineShare(c), c.received()), c.finishedEarly(), c.finishedOnTime(),
                c.finishedLate(), c.inProgress(), c.inProgressOverdue(),
                rates.dossiers(Indicators.onTimeRate(c), c.finished() + c.inProgress()),
                new SatisfactionJson(s.responses(), rates.responses(s.sipas(), s.responses()), elements),
                new ComplaintsJson(s.complaints(), s.complaintsAnswered()), trend);
    }

    /** Publishes a percentage, or null and the reason when it rests on too few. */
    private record Rates(TransparencyProperties properties, MessageSource messages) {

        Rate dossiers(BigDecimal value, long basis) {
            return rate(value, basis, properties.minDossiers(), "transparency.insufficient.dossiers");
        }

        Rate responses(BigDecimal value, long basis) {
            return rate(value, basis, properties.minResponses(), "transparency.insufficient.responses");
        }

        private Rate rate(BigDecimal value, long basis, int min, String key) {
            if (basis >= min && value != null) {
                return new Rate(value, basis, null);
            }
            return new Rate(null, basis, messages.getMessage(key, new Object[] {basis, min}, VI));
        }
    }
}
