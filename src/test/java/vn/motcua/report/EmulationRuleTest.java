package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.deadline.OfficerStatistics;
import vn.motcua.deadline.OfficerStatistics.Key;
import vn.motcua.deadline.OfficerStatistics.Steps;
import vn.motcua.survey.SatisfactionReport;
import vn.motcua.survey.SatisfactionReport.Sipas;
import vn.motcua.survey.SatisfactionReport.TakingPart;

/**
 * The scorecard's rule on figures given directly (no database): weights other than the defaults, an officer with too
 * few steps (listed, not ranked), one without any survey answered (the on-time rate alone), one who only caused an
 * escalation, and the settings refused at start-up. The HTTP contract on real dossiers is
 * {@link EmulationScorecardContract}.
 */
class EmulationRuleTest {

    static final Instant FROM = Instant.parse("2026-06-30T17:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-09-30T17:00:00Z");

    @Test
    void officersAreScoredByTheConfiguredWeightsAndRankedWhenTheyHaveEnoughSteps() {
        OfficerStatistics statistics = mock(OfficerStatistics.class);
        SatisfactionReport satisfaction = mock(SatisfactionReport.class);
        when(statistics.stepsEnded(any(), any(), any())).thenReturn(Map.of(
                new Key("u", "an"), new Steps(3, 1, 0),      // 4 of 4 in time
                new Key("u", "binh"), new Steps(1, 1, 2),    // 2 of 4
                new Key("u", "chi"), new Steps(1, 0, 0),     // 1 step: not ranked
                new Key("u", "dung"), new Steps(2, 1, 1)));  // 3 of 4, no survey answered
        when(statistics.escalations(any(), any(), any())).thenReturn(Map.of(
                new Key("u", "binh"), 1L, new Key("u", "em"), 1L, new Key("u", null), 2L));
        when(statistics.reappointments(any(), any(), any())).thenReturn(Map.of());
        when(satisfaction.perOfficerTakingPart(any(), any())).thenReturn(Map.of(
                "an", new TakingPart(new Sipas(new BigDecimal("80.00"), 4), 1),
                "binh", new TakingPart(new Sipas(new BigDecimal("90.00"), 2), 0),
                "dung", new TakingPart(new Sipas(null, 0), 0)));
        when(satisfaction.perUnitTakingPart(any(), any(), any())).thenReturn(Map.of());
        // half and half; 3 points per escalation; ranked from 2 steps
        EmulationProperties rule = new EmulationProperties(new BigDecimal("1"), new BigDecimal("1"),
                new BigDecimal("3"), BigDecimal.TEN, new BigDecimal("2.5"), 2);

        List<EmulationScorecard.Unit> units = new EmulationScorecard(statistics, satisfaction, rule)
                .compute(null, Set.of(), FROM, UNTIL);

        assertThat(units).singleElement().satisfies(unit -> {
            assertThat(unit.unitKey()).isEqualTo("u");
            assertThat(unit.figures().steps()).isEqualTo(13);
            assertThat(unit.figures().onTimeRate()).isEqualByComparingTo("76.92"); // 10 / 13
            assertThat(unit.figures().escalations()).isEqualTo(4);
            assertThat(unit.unclaimedEscalations()).isEqualTo(2);
            // an: (100 + 80) / 2 − 2.5 = 87.50; dung: 75 alone; binh: (50 + 90) / 2 − 3 = 67.00
            assertThat(unit.officers()).extracting(EmulationScorecard.Officer::userId)
                    .containsExactly("an", "dung", "binh", "chi", "em");
            assertThat(unit.officers()).extracting(EmulationScorecard.Officer::rank)
                    .containsExactly(1, 2, 3, null, null);
            assertThat(unit.officers()).extracting(o -> o.score().total() == null ? null : o.score().total().toPlainString())
                    .containsExactly("87.50", "75.00", "67.00", "100.00", null);
            EmulationScorecard.Officer dung = unit.officers().get(1);
            assertThat(dung.score().onTime()).isEqualByComparingTo("75.00");
            assertThat(dung.score().sipas()).isNull();
            EmulationScorecard.Officer binh = unit.officers().get(2);
            assertThat(binh.score().onTime()).isEqualByComparingTo("25.00");
            assertThat(binh.score().sipas()).isEqualByComparingTo("45.00");
            assertThat(binh.score().escalations()).isEqualByComparingTo("-3.00");
            // caused an escalation, ended no step: listed, no score to rank
            EmulationScorecard.Officer em = unit.officers().get(4);
            assertThat(em.figures().steps()).isZero();
            assertThat(em.figures().escalations()).isEqualTo(1);
            assertThat(em.score().escalations()).isEqualByComparingTo("-3.00");
        });
    }

    @Test
    void settingsThatCannotGiveAScoreAreRefused() {
        BigDecimal one = BigDecimal.ONE;
        assertThat(refused(() -> new EmulationProperties(BigDecimal.ZERO, BigDecimal.ZERO, one, one, one, 3)))
                .contains("cannot both be 0");
        assertThat(refused(() -> new EmulationProperties(one, one, one.negate(), one, one, 3))).contains("0 or more");
        assertThat(refused(() -> new EmulationProperties(one, one, one, one, one, 0))).contains("min-steps");
    }

    @Test
    void aQuarterIsWrittenYearDashQ() {
        assertThat(Quarter.parse("2026-Q3")).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarter.parse("2026-Q3").firstDay()).hasToString("2026-07-01");
        assertThat(Quarter.parse("2026-Q4").lastDay()).hasToString("2026-12-31");
        assertThat(Quarter.parse("2024-Q1").lastDay()).hasToString("2024-03-31");
        for (String bad : new String[] {null, "", "2026-Q0", "2026-Q5", "2026-3", "26-Q1", "1999-Q4", "2101-Q1",
                "２０２６-Q1", "2026-Q1\u0000"}) {
            assertThat(Quarter.parse(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    private static String refused(Runnable creation) {
        try {
            creation.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }
}
