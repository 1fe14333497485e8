package vn.motcua.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until the calendar entries are stored in the database, the calendar knows only weekends. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarDays calendarDays() {
        return InMemoryCalendarDays.weekendsOnly();
    }
}
