package vn.motcua.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.mail.MailMessage;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;
import vn.motcua.survey.SatisfactionReport.Sipas;

/**
 * The periodic report to the Department of Home Affairs: a month's {@link Indicators} for every unit,
 * mailed to {@code motcua.reports.periodic.recipients} as a table per unit (templates
 * {@code mail/periodic-report.*.vm}) with the same figures attached as a CSV file ({@link ReportCsv}).
 * The process {@code periodicReport} runs it on the 1st of each month for the previous month, and on
 * demand; sending is idempotent per month for the scheduled run, per request for the others.
 */
@Service
public class PeriodicReports {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReports.class);
    static final String MAIL = "periodic-report";

    private final Indicators indicators;
    private final Catalog catalog;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final ReportCsv csv;
    private final PeriodicReportProperties properties;
    private final PeriodicReportRuns runs;
    private final WorkingCalendar calendar;
    private final IndicatorTexts texts;

    PeriodicReports(Indicators indicators, Catalog catalog, MailTemplates templates, Mailer mailer, ReportCsv csv,
            PeriodicReportProperties properties, PeriodicReportRuns runs, WorkingCalendar calendar,
            IndicatorTexts texts) {
        this.texts = texts;
        this.indicators = indicators;
        this.catalog = catalog;
        this.templates = templates;
        this.mailer = mailer;
        this.csv = csv;
        this.properties = properties;
        this.runs = runs;
        this.calendar = calendar;
    }

    /** The month before the current one, in the province's zone: what the monthly run reports. */
    public YearMonth previousMonth() {
        return YearMonth.from(calendar.now().atZone(calendar.zone())).minusMonths(1);
    }

    public List<String> recipients() {
        return properties.recipients();
    }

    /** Starts a run on demand (the caller checked who may). */
    String request(YearMonth month, String requestedBy) {
        return runs.start(month, requestedBy);
    }

    /**
     * The idempotency key of a run's mail: one per month for the scheduled run, so a timer that fires
     * twice for a month sends once; one per request for the runs on demand.
     *
     * @param onDemandRun the run on demand (its process instance), or null for the scheduled run
     */
    public static String mailKey(YearMonth month, String onDemandRun) {
        return "periodic-report:" + month + (onDemandRun == null ? "" : ":" + onDemandRun);
    }

    /**
     * Computes the month's indicators for every unit and mails them with the CSV table.
     *
     * @param onDemandRun the run on demand (its process instance), or null for the scheduled run
     * @return whether a mail went out now (false: no recipients, or this run's mail was sent before)
     * @throws vn.motcua.mail.MailNotSent when the mail server did not take it (the engine retries)
     */
    public boolean send(YearMonth month, String onDemandRun) {
        if (properties.recipients().isEmpty()) {
            log.warn("Periodic report {} not sent: motcua.reports.periodic.recipients is empty", month);
            return false;
        }
        String key = mailKey(month, onDemandRun);
        if (mailer.wasSent(key)) {
            return false;
        }
        Indicators.Report report = indicators.compute(null, null, month.atDay(1), month.atEndOfMonth());
        Map<String, String> names = catalog.units().stream()
                .collect(Collectors.toMap(Unit::getKey, Unit::getName, (a, b) -> a, LinkedHashMap::new));
        List<Map<String, Object>> units = new ArrayList<>();
        report.perUnit().forEach((unit, counts) -> {
            Map<String, Object> row = row(counts, report.sipasPerUnit().get(unit));
            row.put("unitKey", unit);
            row.put("unitName", names.getOrDefault(unit, unit));
            row.put("decision766", report.decision766(unit).stream().filter(i -> i.available()).map(texts::model)
                    .toList());
            units.add(row);
        });
        Map<String, Object> model = new HashMap<>();
        model.put("month", month.getMonthValue());
        model.put("year", month.getYear());
        model.put("periodFrom", month.atDay(1));
        model.put("periodTo", month.atEndOfMonth());
        model.put("asOf", report.asOf());
        Map<String, Object> total = row(report.total(), report.sipas());
        total.put("decision766", report.decision766().stream().map(texts::model).toList());
        model.put("total", total);
        model.put("units", units);
        String fileName = "bao-cao-" + month + ".csv";
        model.put("fileName", fileName);
        MailMessage message = templates.compose(MAIL, model, properties.recipients()).withAttachment(fileName,
                ReportCsv.MEDIA_TYPE, csv.write(report, names));
        return mailer.send(message, key);
    }

    /** One table's figures for the templates; percentages with a decimal comma, null when none. */
    private static Map<String, Object> row(Counts c, Sipas sipas) {
        Map<String, Object> row = new HashMap<>();
        row.put("received", c.received());
        row.put("receivedOnline", c.receivedOnline());
        row.put("receivedCounter", c.receivedCounter());
        row.put("finishedEarly", c.finishedEarly());
        row.put("finishedOnTime", c.finishedOnTime());
        row.put("finishedLate", c.finishedLate());
        row.put("inProgressNotDue", c.inProgressNotDue());
        row.put("inProgressDueSoon", c.inProgressDueSoon());
        row.put("inProgressOverdue", c.inProgressOverdue());
        row.put("paused", c.paused());
        row.put("refused", c.refused());
        row.put("reappointed", c.reappointed());
        row.put("onTimeRate", percent(ReportCsv.decimal(Indicators.onTimeRate(c))));
        row.put("onlineShare", percent(ReportCsv.decimal(Indicators.onlineShare(c))));
        row.put("sipas", sipas == null ? null : percent(ReportCsv.decimal(sipas.index())));
        row.put("sipasResponses", sipas == null ? 0L : sipas.responses());
        return row;
    }

    private static String percent(String decimal) {
        return decimal.isEmpty() ? null : decimal;
    }
}
