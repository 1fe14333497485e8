package vn.motcua.calendar;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {
}
