package vn.motcua.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.cluster.ClusterLock;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;

/**
 * The daily digest of the dossiers at risk (template {@code mail/at-risk-digest.*.vm}): to each unit's supervisors
 * ({@code <unit>_supervisors}) the dossiers their unit received or holds now whose risk reaches the threshold, and
 * to the city's supervisors ({@code supervisors}) all of them; a unit or the city without any gets no mail. Sent on
 * working days only.
 *
 * <p>Each digest is sent once: its mail's idempotency key is the day and the unit ({@code at-risk-digest:<day>:<unit>},
 * {@code …:city}), so a retried job sends only those that did not go out; and the whole run holds the cluster lock
 * {@value #LOCK}, so two runs at the same moment on two nodes (a job whose lock expired) send each digest once.
 */
@Service
public class AtRiskDigests {

    static final String LOCK = "at-risk-digest";
    static final String MAIL = "at-risk-digest";
    static final String CITY = "city";
    private static final Logger log = LoggerFactory.getLogger(AtRiskDigests.class);

    private final AtRiskForecast forecast;
    private final Catalog catalog;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final WorkingCalendar calendar;
    private final ClusterLock lock;
    private final String baseUrl;

    AtRiskDigests(AtRiskForecast forecast, Catalog catalog, MailTemplates templates, Mailer mailer,
            GroupAddresses addresses, WorkingCalendar calendar, ClusterLock lock,
            @Value("${motcua.site.base-url:http://localhost:8080}") String baseUrl) {
        this.forecast = forecast;
        this.catalog = catalog;
        this.templates = templates;
        this.mailer = mailer;
        this.addresses = addresses;
        this.calendar = calendar;
        this.lock = lock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Today, in the province's zone: the day the digest reports. */
    public LocalDate today() {
        return calendar.now().atZone(calendar.zone()).toLocalDate();
    }

    /** The idempotency key of one digest. */
    static String mailKey(LocalDate day, String unit) {
        return "at-risk-digest:" + day + ":" + unit;
    }

    /**
     * Sends the day's digests that were not sent yet.
     *
     * @return how many went out now (0 on a day off)
     * @throws vn.motcua.mail.MailNotSent when the mail server refused one (the engine retries; those sent stay sent)
     */
    public int send(LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            log.info("No at-risk digest on {}: not a working day", day);
            return 0;
        }
        return lock.holding(LOCK, () -> sendHoldingLock(day));
    }

    private int sendHoldingLock(LocalDate day) {
        List<AtRiskForecast.AtRisk> atRisk = forecast.forecast(null, null).entries().stream()
                .filter(AtRiskForecast.AtRisk::atRisk).toList();
        Map<String, String> names = new HashMap<>();
        catalog.units().forEach(u -> names.put(u.getKey(), u.getName()));
        int sent = 0;
        for (Unit unit : catalog.units()) {
            List<AtRiskForecast.AtRisk> own = atRisk.stream().filter(e -> unit.getKey().equals(e.receivingUnit())
                    || unit.getKey().equals(e.holdingUnit())).toList();
            if (!own.isEmpty() && send(day, unit.getKey(), unit.getName(), own, Role.SUPERVISORS.groupOf(unit.getKey()),
                    names)) {
                sent++;
            }
        }
        if (!atRisk.isEmpty() && send(day, CITY, null, atRisk, Role.CITY_SUPERVISORS_GROUP, names)) {
            sent++;
        }
        return sent;
    }

    private boolean send(LocalDate day, String key, String unitName, List<AtRiskForecast.AtRisk> entries, String group,
            Map<String, String> names) {
        String mailKey = mailKey(day, key);
        if (mailer.wasSent(mailKey)) {
            return false;
        }
        List<String> to = addresses.of(group);
        if (to.isEmpty()) {
            log.warn("At-risk digest {} not sent: nobody in {} has an e-mail address", mailKey, group);
            return false;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AtRiskForecast.AtRisk e : entries) {
            Map<String, Object> row = new HashMap<>();
            row.put("code", e.code());
            row.put("procedureName", e.procedureName());
            row.put("applicantName", e.applicantName());
            row.put("stepName", e.stepName() == null ? "" : e.stepName());
            row.put("holdingUnitName", e.holdingUnit() == null ? "" : names.getOrDefault(e.holdingUnit(), e.holdingUnit()));
            row.put("appointmentAt", e.appointmentAt());
            row.put("risk", e.risk());
            row.put("reason", String.join("; ", e.reasons()));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", unitName);
        model.put("day", day);
        model.put("count", entries.size());
        model.put("threshold", forecast.threshold());
        model.put("dossiers", rows);
        model.put("baseUrl", baseUrl);
        return mailer.send(templates.compose(MAIL, model, to), mailKey);
    }
}
