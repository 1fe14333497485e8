package vn.motcua.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The shipped data file of official days off and make-up working days.
 *
 * @param location the YAML file; a year in it is imported at start-up only while the database has no
 *     entry for that year, so what administrators change later is kept
 */
@ConfigurationProperties("motcua.calendar.official-days")
public record OfficialDaysProperties(@DefaultValue("classpath:calendar/official-days.yml") Resource location) {
}
