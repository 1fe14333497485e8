package vn.motcua.report;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.survey.SatisfactionReport;
import vn.motcua.survey.SatisfactionReport.Satisfaction;

/**
 * The public transparency figures: per agency (the unit that received the dossiers) and for the whole city, for a
 * year or a month, with a monthly trend. The same computation as the staff indicators ({@link Indicators}, by
 * receiving unit) and satisfaction report ({@link SatisfactionReport}), so the public and the staff figures agree;
 * nothing about a single dossier or person leaves here, only counts.
 *
 * <p>Cheap for a public page: a period's figures are computed at most once per {@code refresh-after} (a few dozen
 * aggregate queries for a year) and kept in memory, at most {@code max-periods} of them (least recently used out);
 * one computation at a time, so a burst of views of a period not yet in memory costs one computation, and views of
 * figures being computed again get the older ones meanwhile. Years before
 * {@code first-year} or after the current one, and months not begun, are refused.
 */
@Service
class Transparency {

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{1,2}");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Indicators indicators;
    private final SatisfactionReport satisfaction;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final TransparencyProperties properties;
    /** Guarded by itself. */
    private final Map<Period, Figures> cache;
    /** One computation at a time, whatever the number of views. */
    private final ReentrantLock computing = new ReentrantLock();
    private final AtomicLong computations = new AtomicLong();

    Transparency(Indicators indicators, SatisfactionReport satisfaction, Catalog catalog, WorkingCalendar calendar,
            TransparencyProperties properties) {
        this.indicators = indicators;
        this.satisfaction = satisfaction;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
        int max = properties.maxPeriods();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Period, Figures> eldest) {
                return size() > max;
            }
        };
    }

    /** A year ({@code month} 0) or one of its months. */
    record Period(int year, int month) {

        boolean wholeYear() {
            return month == 0;
        }

        LocalDate from() {
            return wholeYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        }

        LocalDate to() {
            return wholeYear() ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        }
    }

    /** A parameter refused: its name, the message key and its arguments. */
    static final class Refused extends RuntimeException {

        final String field;
        final String key;
        final transient Object[] args;

        Refused(String field, String key, Object... args) {
            super(field + ": " + key, null, false, false);
            this.field = field;
            this.key = key;
            this.args = args;
        }
    }

    /**
     * The figures of one agency (or of the city: {@code unit} null) for a period.
     *
     * @param counts       the dossiers received in the period, as the staff indicators count them
     * @param satisfaction the surveys invited in the period, as the staff satisfaction report counts them
     */
    record Agency(String unit, String name, Counts counts, Satisfaction satisfaction) {
    }

    /**
     * A period's figures, looked at {@code asOf} (now, or the period's end when past), computed at {@code computedAt}.
     *
     * @param agencies every unit of the catalog, by name
     */
    record Figures(Period period, Instant asOf, Instant computedAt, Agency city, List<Agency> agencies) {

        Agency agency(String unit) {
            return agencies.stream().filter(a -> a.unit().equals(unit)).findFirst().orElse(null);
        }
    }

    /** The period's figures and those of each month of its year up to the period's last (or the current) month. */
    record View(Figures figures, List<Figures> months) {
    }

    /**
     * The period asked for.
     *
     * @param year  yyyy; absent or blank for the current year
     * @param month 1–12; absent or blank for the whole year
     * @throws Refused a year not of four digits or out of range, a month not 1–12 or not begun
     */
    Period period(String year, String month) {
        YearMonth current = YearMonth.from(calendar.now().atZone(calendar.zone()));
        int y = current.getYear();
        if (year != null && !year.isBlank()) {
            if (!YEAR.matcher(year).matches()) {
                throw new Refused("year", "transparency.year.format");
            }
            y = Integer.parseInt(year);
        }
        if (y < properties.firstYear() || y > current.getYear()) {
            throw new Refused("year", "transparency.year.range", Integer.toString(properties.firstYear()),
                    Integer.toString(current.getYear()));
        }
        int m = 0;
        if (month != null && !month.isBlank()) {
            if (!MONTH.matcher(month).matches() || Integer.parseInt(month) < 1 || Integer.parseInt(month) > 12) {
                throw new Refused("month", "transparency.month.format");
            }
            m = Integer.parseInt(month);
            if (YearMonth.of(y, m).isAfter(current)) {
                throw new Refused("month", "transparency.month.future", Integer.toString(m), Integer.toString(y));
            }
        }
        return new Period(y, m);
    }

    /** The period's figures and its year's months, from memory when fresh. */
    View view(Period period) {
        Figures figures = figures(period);
        YearMonth current = YearMonth.from(calendar.now().atZone(calendar.zone()));
        int last = period.wholeYear() ? 12 : period.month();
        if (period.year() == current.getYear()) {
            last = Math.min(last, current.getMonthValue());
        }
        List<Figures> months = new ArrayList<>();
        for (int m = 1; m <= last; m++) {
            months.add(figures(new Period(period.year(), m)));
        }
        return new View(figures, months);
    }

    /** How many periods were computed since start (not served from memory). */
    long computations() {
        return computations.get();
    }

    TransparencyProperties properties() {
        return properties;
    }

    /**
     * The period's figures from memory when fresh. Otherwise computed, one computation at a time: while another
     * view computes, a view that has older figures of the period gets those rather than waiting; one that has none
     * waits, and finds them computed by the other when it may go on.
     */
    private Figures figures(Period period) {
        Figures cached = cached(period);
        if (fresh(cached, calendar.now())) {
            return cached;
        }
        if (cached != null) {
            if (!computing.tryLock()) {
                return cached;
            }
        } else {
            computing.lock();
        }
        try {
            Instant now = calendar.now();
            Figures again = cached(period);
            if (fresh(again, now)) {
                return again;
            }
            Figures computed = compute(period, now);
            synchronized (cache) {
                cache.put(period, computed);
            }
            computations.incrementAndGet();
            return computed;
        } finally {
            computing.unlock();
        }
    }

    private Figures cached(Period period) {
        synchronized (cache) {
            return cache.get(period);
        }
    }

    /** Computed less than {@code refresh-after} ago; a clock set back (a corrected server clock) makes them stale. */
    private boolean fresh(Figures figures, Instant now) {
        return figures != null && !now.isBefore(figures.computedAt())
                && now.isBefore(figures.computedAt().plus(properties.refreshAfter()));
    }

    private Figures compute(Period period, Instant now) {
        Indicators.Report report = indicators.compute(null, null, period.from(), period.to());
        List<String> keys = new ArrayList<>(report.perUnit().keySet());
        SatisfactionReport.Satisfactions surveys = satisfaction.satisfactions(keys, period.from(), period.to());
        Map<String, String> names = new LinkedHashMap<>();
        catalog.units().forEach(unit -> names.put(unit.getKey(), unit.getName()));
        Collator collator = Collator.getInstance(VI);
        List<Agency> agencies = report.perUnit().entrySet().stream()
                .map(e -> new Agency(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
                        surveys.perUnit().get(e.getKey())))
                .sorted(Comparator.comparing(Agency::name, collator)).toList();
        return new Figures(period, report.asOf(), now, new Agency(null, null, report.total(), surveys.total()),
                agencies);
    }
}
