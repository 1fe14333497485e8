package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.cluster.ClusterLock;

/**
 * Loads the catalog data file at start-up. Idempotent: units and procedures are upserted by key,
 * so a restart changes nothing and an edited file updates the catalog. Entries removed from the
 * file are kept (dossiers refer to them) and reported in the log. A procedure of the file takes
 * precedence over an imported one of the same code ({@link ProcedureSource}). Under the cluster lock
 * {@value #LOCK}: nodes starting at the same moment load it one after the other, the later ones finding it in place.
 */
@Component
class CatalogLoader implements InitializingBean {

    static final String LOCK = "catalog";

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);
    private static final Pattern UNIT_KEY = Pattern.compile("[a-z0-9]{2,30}");
    private static final Pattern STEP_KEY = Pattern.compile("[a-z][A-Za-z0-9]{1,59}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][A-Za-z0-9]{1,59}");

    private final CatalogProperties properties;
    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final TransactionTemplate tx;
    private final ClusterLock lock;

    CatalogLoader(CatalogProperties properties, UnitRepository units, ProcedureRepository procedures,
            TransactionTemplate tx, ClusterLock lock) {
        this.lock = lock;
        this.properties = properties;
        this.units = units;
        this.procedures = procedures;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        CatalogFile file = read();
        validate(file);
        lock.holding(LOCK, () -> tx.executeWithoutResult(status -> apply(file)));
    }

    private CatalogFile read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (InputStream in = properties.location().getInputStream()) {
            return yaml.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the catalog " + properties.location() + ": " + e.getMessage(), e);
        }
    }

    static void validate(CatalogFile file) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> codes = new HashSet<>();
        if (file.units() == null || file.units().isEmpty()) {
            problems.add("no units");
        } else {
            for (CatalogFile.UnitEntry u : file.units()) {
                if (u.key() == null || !UNIT_KEY.matcher(u.key()).matches()) {
                    problems.add("unit key '" + u.key() + "' must be 2-30 lowercase letters or digits");
                }
                if (!keys.add(u.key())) {
                    problems.add("unit key '" + u.key() + "' appears twice");
                }
                if (u.code() == null || u.code().isBlank() || !codes.add(u.code())) {
                    problems.add("unit '" + u.key() + "' needs a unique identifier code");
                }
                if (u.name() == null || u.name().isBlank() || u.level() == null) {
                    problems.add("unit '" + u.key() + "' needs a name and a level");
                }
                if (tooLong(u.governingBody(), 255) || tooLong(u.headingName(), 255) || tooLong(u.symbol(), 40)) {
                    problems.add("unit '" + u.key() + "' has a governingBody or headingName over 255 characters, or a"
                            + " symbol over 40");
                }
            }
        }
        Set<String> procedureCodes = new HashSet<>();
        for (CatalogFile.ProcedureEntry p : file.procedures() == null ? List.<CatalogFile.ProcedureEntry>of() : file.procedures()) {
            String where = "procedure '" + p.code() + "'";
            if (p.code() == null || p.code().isBlank() || !procedureCodes.add(p.code())) {
                problems.add(where + " needs a unique code");
            }
            if (p.name() == null || p.name().isBlank() || p.sector() == null || p.level() == null) {
                problems.add(where + " needs a name, a sector and a level");
            }
            if (!keys.contains(p.receivingUnit())) {
                problems.add(where + " names an unknown receiving unit '" + p.receivingUnit() + "'");
            }
            if (p.handlingUnits() == null || p.handlingUnits().isEmpty()) {
                problems.add(where + " needs at least one handling unit");
            } else {
                p.handlingUnits().stream().filter(k -> !keys.contains(k))
                        .forEach(k -> problems.add(where + " names an unknown handling unit '" + k + "'"));
            }
            if (p.statutory() == null || p.statutory().toTime() == null) {
                problems.add(where + " needs a statutory time: exactly one of days, hours, calendarDays (positive) or sameDay: true");
            }
            if (p.process() == null || p.process().isBlank()) {
                problems.add(where + " needs the key of its handling process");
            }
            if (p.fee() < 0) {
                problems.add(where + " has a negative fee");
            }
            if (p.documents() == null || p.documents().isEmpty()) {
                problems.add(where + " lists no required documents");
            } else {
                p.documents().stream().filter(d -> d.name() == null || d.kind() == null || d.count() < 1)
                        .forEach(d -> problems.add(where + " has a document without name, kind or count"));
            }
            validateSteps(p, where, problems);
            validateFields(p, where, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The catalog is invalid:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * The procedure's own fields (optional): keys that can name a {@code formData} entry, unique, not the
     * applicant's free text ({@value ProcedureField#REQUEST}, which every dossier may carry), each with a label.
     */
    private static void validateFields(CatalogFile.ProcedureEntry p, String where, List<String> problems) {
        if (p.fields() == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (CatalogFile.FieldEntry f : p.fields()) {
            if (f.key() == null || !FIELD_KEY.matcher(f.key()).matches() || ProcedureField.REQUEST.equals(f.key())
                    || !keys.add(f.key())) {
                problems.add(where + " has a field without a valid, unique key: " + f.key());
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(where + " has a field without a label: " + f.key());
            }
        }
    }

    /**
     * The internal process: unique step keys, positive shares in whole minutes, units that receive
     * or handle the procedure, and shares that add up to the statutory time.
     */
    private static void validateSteps(CatalogFile.ProcedureEntry p, String where, List<String> problems) {
        if (p.steps() == null || p.steps().isEmpty()) {
            problems.add(where + " lists no steps with their share of the statutory time");
            return;
        }
        Set<String> stepKeys = new HashSet<>();
        long total = 0;
        Map<String, Long> parallel = new HashMap<>();
        for (CatalogFile.StepEntry st : p.steps()) {
            if (st.step() == null || !STEP_KEY.matcher(st.step()).matches() || !stepKeys.add(st.step())) {
                problems.add(where + " has a step without a unique key (letters, e.g. appraise): '" + st.step() + "'");
            }
            if (st.hours() == null || st.hours().signum() <= 0
                    || st.hours().multiply(BigDecimal.valueOf(60)).stripTrailingZeros().scale() > 0) {
                problems.add(where + " step '" + st.step() + "' needs a positive share in whole minutes");
                continue;
            }
            if (st.unit() != null && !st.unit().equals(p.receivingUnit())
                    && (p.handlingUnits() == null || !p.handlingUnits().contains(st.unit()))) {
                problems.add(where + " step '" + st.step() + "' names unit '" + st.unit()
                        + "', which neither receives nor handles the procedure");
            }
            if (st.parallel() == null) {
                total += minutes(st.hours());
            } else {
                parallel.merge(st.parallel(), minutes(st.hours()), Math::max);
            }
        }
        // steps run side by side count once, by the longest
        total += parallel.values().stream().mapToLong(Long::longValue).sum();
        if (!parallel.isEmpty() && !p.isInterconnected()) {
            problems.add(where + " has parallel steps but is not marked interconnected");
        }
        if (p.isInterconnected() && (p.handlingUnits() == null || p.handlingUnits().size() < 2)) {
            problems.add(where + " is interconnected but lists fewer than two agencies as handling units");
        }
        StatutoryTime time = p.statutory() == null ? null : p.statutory().toTime();
        if (time != null && total != time.workingMinutes()) {
            problems.add(where + " step shares add up to " + total + " working minutes, not the statutory "
                    + time.workingMinutes() + (time.inWorkingTime() ? "" : " (" + time.unit()
                    + ": shares are declared as 8 working hours a day and scaled to each dossier's time)"));
        }
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    static long minutes(BigDecimal hours) {
        return hours.multiply(BigDecimal.valueOf(60)).longValueExact();
    }

    private void apply(CatalogFile file) {
        Map<String, Unit> byKey = new HashMap<>();
        for (CatalogFile.UnitEntry e : file.units()) {
            Unit unit = units.findById(e.key()).orElseGet(() -> new Unit(e.key()));
            unit.update(e.code(), e.name(), e.level());
            unit.heading(e.governingBody(), e.headingName(), e.symbol());
            byKey.put(e.key(), units.save(unit));
        }
        for (CatalogFile.ProcedureEntry e : file.procedures()) {
            Procedure procedure = procedures.findById(e.code()).orElseGet(() -> new Procedure(e.code()));
            procedure.update(e, byKey);
            procedures.save(procedure);
        }
        Set<String> inFile = new HashSet<>();
        file.procedures().forEach(p -> inFile.add(p.code()));
        procedures.findBySource(ProcedureSource.CATALOG_FILE).stream().map(Procedure::getCode)
                .filter(c -> !inFile.contains(c))
                .forEach(c -> log.warn("Procedure {} is no longer in the catalog file; it is kept for its dossiers", c));
        log.info("Catalog loaded: {} units, {} procedures", file.units().size(), file.procedures().size());
    }
}
