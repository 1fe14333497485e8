package vn.motcua.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One step of a procedure's internal process (quy trình nội bộ) with its share of the statutory
 * time, in working minutes, and the unit that holds it.
 *
 * @param step    the step key, the user task's id without its {@code Task_} prefix (e.g. {@code appraise})
 * @param unitKey the unit that holds the step; null means the lead handling unit
 * @param parallel the name of the group of steps this one runs beside (an interconnected set's
 *                 agencies working at the same time), or null
 */
@Embeddable
public record StepShare(
        @Column(name = "step_key", nullable = false, length = 60) String step,
        @Column(name = "working_minutes", nullable = false) long workingMinutes,
        @Column(name = "unit_key", length = 40) String unitKey,
        @Column(name = "parallel_group", length = 60) String parallel) {
}
