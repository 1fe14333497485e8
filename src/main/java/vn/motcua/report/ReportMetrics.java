package vn.motcua.report;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.OverdueDossiers;
import vn.motcua.dossier.DossierStatistics;

/**
 * Gauges for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code motcua_dossiers_open}: dossiers under way (received, not finished);</li>
 * <li>{@code motcua_dossiers_overdue{unit="…"}}: dossiers running late now (as the overdue list counts
 * them), per unit that received them, one series per unit of the catalog;</li>
 * <li>{@code motcua_jobs_incidents}: the engine's open incidents.</li>
 * </ul>
 * The figures come from a few aggregate queries, computed at most once per {@link #MAX_AGE} whatever
 * the number of scrapes. ({@code motcua_mail_failed_total} is the mail module's counter.)
 */
@Component
class ReportMetrics {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final DossierStatistics dossiers;
    private final OverdueDossiers overdue;
    private final EngineIncidents incidents;
    private final Catalog catalog;
    private final WorkingCalendar calendar;

    private Snapshot snapshot;

    ReportMetrics(MeterRegistry registry, DossierStatistics dossiers, OverdueDossiers overdue, EngineIncidents incidents,
            Catalog catalog, WorkingCalendar calendar) {
        this.registry = registry;
        this.dossiers = dossiers;
        this.overdue = overdue;
        this.incidents = incidents;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    private record Snapshot(long takenAt, long open, Map<String, Long> overdue, long incidents) {
    }

    /** Registers the gauges once the catalog is loaded (a series per unit). */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("motcua.dossiers.open", this, m -> m.current().open())
                .description("Dossiers under way: received and not finished").register(registry);
        for (Unit unit : catalog.units()) {
            String key = unit.getKey();
            Gauge.builder("motcua.dossiers.overdue", this, m -> m.current().overdue().getOrDefault(key, 0L))
                    .description("Dossiers running late now, by the unit that received them").tag("unit", key)
                    .register(registry);
        }
        Gauge.builder("motcua.jobs.incidents", this, m -> m.current().incidents())
                .description("Open incidents of the workflow engine (jobs out of retries)").register(registry);
    }

    /** The figures, computed again when older than {@link #MAX_AGE}. */
    synchronized Snapshot current() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.takenAt() > MAX_AGE.toNanos()) {
            snapshot = new Snapshot(now, dossiers.underWay(),
                    overdue.countPerReceivingUnit(calendar.now().truncatedTo(ChronoUnit.SECONDS)), incidents.open());
        }
        return snapshot;
    }
}
