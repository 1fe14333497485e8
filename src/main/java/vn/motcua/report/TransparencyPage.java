package vn.motcua.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.mail.MailTemplates;
import vn.motcua.report.TransparencyJson.AgencyJson;
import vn.motcua.report.TransparencyJson.MonthJson;
import vn.motcua.report.TransparencyJson.Rate;

/**
 * {@code /cong-khai?nam=yyyy[&thang=m]}: the transparency figures for citizens, server-rendered like the other
 * citizens' pages ({@code templates/pages/transparency.html.vm}, the same header, footer and stylesheet, no script),
 * with a small SVG chart of each agency's months. It prints the records of {@link TransparencyJson}, so the page and
 * the API show the same figures. A refused parameter answers 400 with the form and the reason in Vietnamese.
 */
@Controller
class TransparencyPage {

    /** How long a browser or proxy may keep the page or the JSON. */
    static final Duration BROWSER_CACHE = Duration.ofMinutes(1);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The chart's geometry, in SVG user units: 12 slots of {@code SLOT} from {@code LEFT}, bars up to {@code HEIGHT}. */
    static final int LEFT = 30;
    static final int SLOT = 24;
    static final int BAR = 14;
    static final int TOP = 14;
    static final int BASE = 104;
    static final int HEIGHT = BASE - TOP;

    private final Transparency transparency;
    private final MailTemplates templates;
    private final MessageSource messages;
    private final WorkingCalendar calendar;

    TransparencyPage(Transparency transparency, MailTemplates templates, MessageSource messages,
            WorkingCalendar calendar) {
        this.transparency = transparency;
        this.templates = templates;
        this.messages = messages;
        this.calendar = calendar;
    }

    @GetMapping("/cong-khai")
    ResponseEntity<String> page(@RequestParam(name = "nam", required = false) String year,
            @RequestParam(name = "thang", required = false) String month) {
        Map<String, Object> model = new HashMap<>();
        int currentYear = YearMonth.from(calendar.now().atZone(calendar.zone())).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = currentYear; y >= transparency.properties().firstYear(); y--) {
            years.add(y);
        }
        model.put("years", years);
        Transparency.Period period;
        try {
            period = transparency.period(year, month);
        } catch (Transparency.Refused refused) {
            model.put("problem", messages.getMessage(refused.key, refused.args, VI));
            model.put("year", currentYear);
            model.put("month", 0);
            return render(HttpStatus.BAD_REQUEST, model);
        }
        TransparencyJson json = TransparencyJson.of(transparency.view(period), transparency.properties(), messages,
                calendar.zone());
        model.put("problem", null);
        model.put("year", json.year());
        model.put("month", json.month() == null ? 0 : json.month());
        model.put("periodName", json.month() == null ? text("transparency.page.year", json.year())
                : text("transparency.page.month", json.month(), json.year()));
        model.put("asOf", at(json.asOf()));
        model.put("updatedAt", at(json.updatedAt()));
        model.put("minDossiers", json.thresholds().minDossiers());
        model.put("minResponses", json.thresholds().minResponses());
        model.put("city", agency(json.city(), "thanh-pho", text("transparency.page.city")));
        List<Map<String, Object>> active = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        int n = 0;
        for (AgencyJson agency : json.agencies()) {
            n++;
            if (agency.received() == 0 && agency.satisfaction().responses() == 0 && agency.complaints().received() == 0
                    && agency.trend().stream().allMatch(m -> m.received() == 0)) {
                idle.add(agency.name());
            } else {
                active.add(agency(agency, "don-vi-" + n, agency.name()));
            }
        }
        model.put("agencies", active);
        model.put("idle", idle);
        return render(HttpStatus.OK, model);
    }

    private ResponseEntity<String> render(HttpStatus status, Map<String, Object> model) {
        String html = templates.render("pages/transparency.html.vm", model);
        return ResponseEntity.status(status).contentType(HTML)
                .cacheControl(status == HttpStatus.OK ? CacheControl.maxAge(BROWSER_CACHE).cachePublic()
                        : CacheControl.noStore())
                .header("Content-Security-Policy", POLICY).header("Referrer-Policy", "no-referrer").body(html);
    }

    private Map<String, Object> agency(AgencyJson a, String id, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("received", number(a.received()));
        m.put("receivedOnline", number(a.receivedOnline()));
        m.put("onlineShare", rate(a.onlineShare()));
        m.put("finishedEarly", number(a.finishedEarly()));
        m.put("finishedOnTime", number(a.finishedOnTime()));
        m.put("finishedLate", number(a.finishedLate()));
        m.put("inProgress", number(a.inProgress()));
        m.put("inProgressOverdue", number(a.inProgressOverdue()));
        m.put("onTimeRate", rate(a.onTimeRate()));
        m.put("responses", number(a.satisfaction().responses()));
        m.put("sipas", rate(a.satisfaction().sipas()));
        List<Map<String, Object>> elements = new ArrayList<>();
        a.satisfaction().elements().forEach((key, rate) -> {
            Map<String, Object> e = new HashMap<>();
            e.put("label", messages.getMessage("survey.element." + key + ".label", null, VI));
            e.put("rate", rate(rate));
            elements.add(e);
        });
        m.put("elements", elements);
        m.put("complaints", number(a.complaints().received()));
        m.put("complaintsAnswered", number(a.complaints().answered()));
        m.put("chart", chart(a.trend(), name));
        return m;
    }

    /**
     * The months as a bar chart (dossiers received, scaled to the busiest month) with the on-time rate as a line
     * (0–100 %) where it is published; every bar and point has its figure as a title, and the template adds a table.
     */
    private Map<String, Object> chart(List<MonthJson> trend, String name) {
        long max = trend.stream().mapToLong(MonthJson::received).max().orElse(0);
        List<Map<String, Object>> bars = new ArrayList<>();
        List<Map<String, Object>> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MonthJson month : trend) {
            YearMonth ym = YearMonth.parse(month.month());
            int slot = ym.getMonthValue() - 1;
            int x = LEFT + slot * SLOT + (SLOT - BAR) / 2;
            int centre = LEFT + slot * SLOT + SLOT / 2;
            int height = max == 0 ? 0 : (int) Math.round((double) month.received() * HEIGHT / max);
            String monthName = text("transparency.page.monthName", ym.getMonthValue(), ym.getYear());
            Map<String, Object> bar = new HashMap<>();
            bar.put("x", x);
            bar.put("y", BASE - height);
            bar.put("height", height);
            bar.put("centre", centre);
            bar.put("label", ym.getMonthValue());
            bar.put("title", text("transparency.page.bar", monthName, number(month.received())));
            bars.add(bar);
            Map<String, Object> row = new HashMap<>();
            row.put("month", monthName);
            row.put("received", number(month.received()));
            row.put("onTimeRate", rate(month.onTimeRate()));
            rows.add(row);
            BigDecimal value = month.onTimeRate().value();
            if (value != null) {
                long y = BASE - Math.round(value.doubleValue() * HEIGHT / 100);
                line.append(line.isEmpty() ? "" : " ").append(centre).append(',').append(y);
                Map<String, Object> dot = new HashMap<>();
                dot.put("x", centre);
                dot.put("y", y);
                dot.put("title", text("transparency.page.dot", monthName, percent(value)));
                dots.add(dot);
            }
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("bars", bars);
        chart.put("dots", dots);
        chart.put("line", line.toString());
        chart.put("rows", rows);
        chart.put("max", number(max));
        chart.put("title", text("transparency.page.chart", name));
        chart.put("top", TOP);
        chart.put("base", BASE);
        chart.put("left", LEFT);
        chart.put("right", LEFT + 12 * SLOT);
        return chart;
    }

    /** A published rate, or the reason it is not. */
    private Map<String, Object> rate(Rate rate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shown", rate.value() != null);
        m.put("text", rate.value() == null ? text("transparency.page.insufficient") : percent(rate.value()));
        // the JSON's reason is "chưa đủ dữ liệu: 3 hồ sơ, cần ít nhất 10"; the page prints its detail after the words
        String reason = rate.reason() == null ? "" : rate.reason();
        m.put("reason", reason.isEmpty() ? "" : reason.substring(reason.indexOf(": ") + 2));
        return m;
    }

    static String percent(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(VI);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value) + "%";
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(VI).format(value);
    }

    private String at(OffsetDateTime time) {
        return text("transparency.page.at", time.format(TIME), time.format(DAY));
    }

    /** A text of the page from the message bundle; numbers given as text, so that years get no grouping. */
    private String text(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return messages.getMessage(key, texts, VI);
    }
}
