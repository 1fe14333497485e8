package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The provisional days off of the years without an official schedule: the Labour Code's holidays and
 * compensatory days ({@link LabourCodeDays}), as configured ({@link ProvisionalDaysProperties}), computed
 * once per year. {@link StoredCalendarDays} uses them for every year the database has no official
 * schedule for.
 */
@Component
class ProvisionalDays {

    private final LabourCodeDays law;
    private final boolean enabled;
    private final Map<Integer, Map<LocalDate, LabourCodeDays.Day>> years = new ConcurrentHashMap<>();

    ProvisionalDays(ProvisionalDaysProperties properties) {
        this.law = new LabourCodeDays(properties);
        this.enabled = properties.enabled();
    }

    /** Whether years without an official schedule get the Labour Code's days off (else only weekends). */
    boolean enabled() {
        return enabled;
    }

    /** The provisional day off on {@code day}, if its year has one there. */
    Optional<LabourCodeDays.Day> on(LocalDate day) {
        return Optional.ofNullable(year(day.getYear()).get(day));
    }

    /** The provisional days off of {@code year}, ascending. */
    List<LabourCodeDays.Day> of(int year) {
        return year(year).values().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    private Map<LocalDate, LabourCodeDays.Day> year(int year) {
        if (!enabled) {
            return Map.of();
        }
        return years.computeIfAbsent(year, y -> law.of(y).stream()
                .collect(Collectors.toUnmodifiableMap(LabourCodeDays.Day::date, Function.identity())));
    }
}
