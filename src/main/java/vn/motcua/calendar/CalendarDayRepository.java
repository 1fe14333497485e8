package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    List<CalendarDay> findByDateBetweenOrderByDate(LocalDate first, LocalDate last);

    long deleteByDateBetween(LocalDate first, LocalDate last);
}
