package vn.motcua.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Vietnamese names, units and reasons of the Decision 766 indicators ({@code indicators.766.*}). */
@Component
class IndicatorTexts {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    IndicatorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String name(Indicators.Indicator indicator) {
        return messages.getMessage("indicators.766." + indicator.key() + ".name", null, VI);
    }

    /** "%", or "ngày làm việc" for the average handling time. */
    String unit(Indicators.Indicator indicator) {
        return messages.getMessage("indicators.766." + indicator.key() + ".unit", null, "%", VI);
    }

    String reason(Indicators.Indicator indicator) {
        return indicator.available() ? null
                : messages.getMessage("indicators.766." + indicator.key() + ".reason", null, VI);
    }

    ReportJson.IndicatorJson json(Indicators.Indicator i) {
        return new ReportJson.IndicatorJson(i.code(), name(i), i.available(), i.value(), unit(i), i.numerator(),
                i.denominator(), reason(i));
    }

    List<ReportJson.IndicatorJson> json(List<Indicators.Indicator> indicators) {
        return indicators.stream().map(this::json).toList();
    }

    /** For the mail's templates: code, name, value (decimal comma, or null), unit, available, reason. */
    Map<String, Object> model(Indicators.Indicator i) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("code", i.code());
        row.put("name", name(i));
        row.put("available", i.available());
        String value = ReportCsv.decimal(i.value());
        row.put("value", value.isEmpty() ? null : value);
        row.put("unit", unit(i));
        row.put("reason", reason(i));
        return row;
    }
}
