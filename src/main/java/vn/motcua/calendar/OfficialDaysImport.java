package vn.motcua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the shipped official days into the database. A year is imported only while the database
 * has no official schedule for it ({@code calendar_year}), so an administrator's later changes, deletions
 * included, survive a restart; a new year is added by adding it to the file. Entries an administrator
 * stored for that year while it was provisional are replaced by the file's: the announced schedule is
 * the whole year. {@link StoredCalendarDays} runs it at start-up.
 *
 * <p>The import commits in a transaction of its own, whoever calls it: at start-up the first caller
 * may be the engine's deployment (a timer start event asks the working calendar), whose transaction
 * other connections cannot see into; the imported days must be there for every later read.
 */
@Component
class OfficialDaysImport {

    /** Who the imported entries were changed by. */
    static final String IMPORTED_BY = "official-days";

    private static final Logger log = LoggerFactory.getLogger(OfficialDaysImport.class);

    private final OfficialDaysProperties properties;
    private final CalendarProperties hours;
    private final CalendarDayRepository repository;
    private final CalendarYearRepository years;
    private final ProvisionalDays provisional;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CalendarVersion version;

    OfficialDaysImport(OfficialDaysProperties properties, CalendarProperties hours, CalendarDayRepository repository,
            CalendarYearRepository years, ProvisionalDays provisional, TransactionTemplate tx, Clock clock,
            CalendarVersion version) {
        this.version = version;
        this.properties = properties;
        this.hours = hours;
        this.repository = repository;
        this.years = years;
        this.provisional = provisional;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Imports the configured file's years that the database does not have, committed before it returns.
     *
     * @return the imported entries
     */
    List<OfficialDaysFile.Entry> importMissingYears() {
        return importMissingYears(properties.location());
    }

    /** Imports this file's years that the database does not have, committed before it returns. */
    List<OfficialDaysFile.Entry> importMissingYears(Resource location) {
        OfficialDaysFile file = OfficialDaysFile.read(location);
        List<OfficialDaysFile.Entry> imported = tx.execute(status -> {
            List<OfficialDaysFile.Entry> dates = new ArrayList<>();
            file.byYear().forEach((year, entries) -> {
                if (years.existsById(year)) {
                    log.info("Working calendar {}: already in the database, the file's {} entries are not imported",
                            year, entries.size());
                    return;
                }
                List<CalendarDay> provisionalEntries = repository.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31));
                if (!provisionalEntries.isEmpty()) {
                    log.warn("Working calendar {}: the official schedule replaces the entries stored while the year was"
                            + " provisional: {}", year, provisionalEntries.stream()
                            .map(d -> d.getDate() + " " + d.getKind() + " " + d.getName() + " (" + d.getChangedBy() + ")")
                            .toList());
                    repository.deleteAll(provisionalEntries);
                    repository.flush();
                }
                years.save(new CalendarYear(year, location.getFilename(), IMPORTED_BY, clock.instant()));
                for (OfficialDaysFile.Entry e : entries) {
                    CalendarDay day = new CalendarDay(e.date());
                    day.change(e.kind(), e.name().strip(), IMPORTED_BY, clock.instant());
                    repository.save(day);
                    dates.add(e);
                }
                log.info("Working calendar {}: imported {} days off and {} make-up working days from {}: {}", year,
                        entries.stream().filter(e -> e.kind() == DayKind.DAY_OFF).count(),
                        entries.stream().filter(e -> e.kind() == DayKind.WORKING_DAY).count(),
                        location.getFilename(),
                        entries.stream().map(e -> e.date() + " " + e.kind()).toList());
            });
            if (!dates.isEmpty()) {
                // every node reads the days again; the open deadlines follow once a node is ready (StoredCalendarDays)
                version.changed(false);
            }
            return dates;
        });
        int thisYear = LocalDate.ofInstant(clock.instant(), hours.zone()).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            int y = year;
            if (!tx.execute(status -> years.existsById(y))) {
                warnProvisional(y, location);
            }
        }
        return imported;
    }

    private void warnProvisional(int year, Resource location) {
        if (!provisional.enabled()) {
            log.warn("Working calendar {}: no official schedule is known and provisional days are off"
                    + " (motcua.calendar.provisional.enabled=false); only weekends count until that year's official"
                    + " days are added to {} or through the API (PUT /api/calendar/years/{})", year,
                    location.getFilename(), year);
            return;
        }
        log.warn("Working calendar {}: no official schedule is known; deadlines count the PROVISIONAL days off of the"
                + " Labour Code 2019 {} and appointments across them are marked provisional. Enter the official"
                + " schedule when it is announced: a block in {} (then restart) or PUT /api/calendar/years/{}", year,
                provisional.of(year).stream().map(d -> d.date() + " " + d.name()).toList(), location.getFilename(),
                year);
    }
}
