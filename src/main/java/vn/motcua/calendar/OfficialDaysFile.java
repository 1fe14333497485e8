package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;

/**
 * The shape of the official days file ({@code calendar/official-days.yml}): one entry per date that
 * differs from the week. Unknown keys are refused; {@link #read} also checks the entries.
 */
public record OfficialDaysFile(List<Entry> days) {

    /** Longest name an entry may have (the column's size). */
    public static final int NAME_MAX = 200;

    public record Entry(LocalDate date, DayKind kind, String name) {
    }

    /** Reads and checks the file; a file with mistakes is refused whole, with every mistake listed. */
    public static OfficialDaysFile read(Resource location) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        OfficialDaysFile file;
        try (InputStream in = location.getInputStream()) {
            file = yaml.readValue(in, OfficialDaysFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the official days " + location + ": " + e.getMessage(), e);
        }
        if (file == null || file.days() == null) {
            file = new OfficialDaysFile(List.of());
        }
        file.validate();
        return file;
    }

    void validate() {
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (Entry e : days) {
            String where = "entry " + e.date();
            if (e.date() == null || e.kind() == null) {
                problems.add(where + " needs a date and a kind (DAY_OFF or WORKING_DAY)");
                continue;
            }
            if (!seen.add(e.date())) {
                problems.add(where + " appears twice");
            }
            if (e.name() == null || e.name().isBlank() || e.name().length() > NAME_MAX) {
                problems.add(where + " needs a name of at most " + NAME_MAX + " characters");
            }
            if (!e.kind().fits(e.date())) {
                problems.add(where + " is a " + e.date().getDayOfWeek() + ": "
                        + (e.kind() == DayKind.DAY_OFF ? "weekends are off anyway" : "weekdays are worked anyway"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The official days file is invalid:\n - " + String.join("\n - ", problems));
        }
    }

    /** The entries by year, each year's dates ascending. */
    public Map<Integer, List<Entry>> byYear() {
        Map<Integer, List<Entry>> years = new TreeMap<>();
        days.stream().sorted(Comparator.comparing(Entry::date))
                .forEach(e -> years.computeIfAbsent(e.date().getYear(), y -> new ArrayList<>()).add(e));
        return years;
    }

    /** The kinds by date, for an {@link InMemoryCalendarDays}. */
    public Map<LocalDate, DayKind> kinds() {
        Map<LocalDate, DayKind> kinds = new TreeMap<>();
        days.forEach(e -> kinds.put(e.date(), e.kind()));
        return kinds;
    }
}
