package vn.motcua.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.OverdueDossiers;
import vn.motcua.deadline.OverdueDossiers.Overdue;

/**
 * The overdue list: dossiers running late now ({@link OverdueDossiers}), the longest late first, each
 * with how late in working minutes and the lifecycle process to open in Cockpit.
 */
@Service
class OverdueList {

    private final OverdueDossiers overdue;
    private final ProcessLinks links;
    private final WorkingCalendar calendar;

    OverdueList(OverdueDossiers overdue, ProcessLinks links, WorkingCalendar calendar) {
        this.overdue = overdue;
        this.links = links;
        this.calendar = calendar;
    }

    /**
     * A dossier running late.
     *
     * @param overdueWorkingMinutes working time from the earliest passed due (the dossier's or its open
     *                              step's) to now, or to when its clock stopped for a supplement
     * @param processInstanceId     its lifecycle process instance, or null
     */
    record Entry(Overdue dossier, long overdueWorkingMinutes, String processInstanceId) {
    }

    record Page(long total, Instant asOf, List<Entry> entries) {
    }

    /**
     * @param units     units receiving the dossiers or holding their open steps; null for every unit
     * @param procedure a procedure code, or null
     * @param limit     at most this many, the longest late first
     */
    Page list(Set<String> units, String procedure, int limit) {
        return list(units, OverdueDossiers.UnitMatch.RECEIVING_OR_HOLDING, procedure, limit);
    }

    /** As {@link #list(Set, String, int)}, the units matched as asked. */
    Page list(Set<String> units, OverdueDossiers.UnitMatch match, String procedure, int limit) {
        Instant now = calendar.now().truncatedTo(ChronoUnit.SECONDS);
        List<Overdue> late = overdue.list(units, match, procedure, now, limit);
        Map<String, String> instances = late.isEmpty() ? Map.of()
                : links.lifecycleInstances(late.stream().map(Overdue::code).collect(Collectors.toList()));
        // the database orders by the earliest passed due; a paused dossier's lateness stopped with its clock
        List<Entry> entries = late.stream()
                .map(o -> new Entry(o, calendar.workingMinutesBetween(o.lateSince(), o.clockAt(now)),
                        instances.get(o.code())))
                .sorted(Comparator.comparingLong(Entry::overdueWorkingMinutes).reversed())
                .toList();
        long total = late.size() < limit ? late.size() : overdue.count(units, match, procedure, now);
        return new Page(total, now, entries);
    }
}
