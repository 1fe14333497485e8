package vn.motcua.calendar;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Office hours of the province. Provincial systems count 07:00–11:30 and 13:30–17:00, eight working
 * hours a day, in Asia/Ho_Chi_Minh.
 */
@ConfigurationProperties("motcua.calendar")
public record CalendarProperties(
        @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @DefaultValue("07:00") LocalTime morningStart,
        @DefaultValue("11:30") LocalTime morningEnd,
        @DefaultValue("13:30") LocalTime afternoonStart,
        @DefaultValue("17:00") LocalTime afternoonEnd) {

    public CalendarProperties {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart)
                && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("office hours must be morning then afternoon, in order");
        }
    }
}
