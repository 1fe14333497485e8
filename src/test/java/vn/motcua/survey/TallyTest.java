package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The index arithmetic on known answers. */
class TallyTest {

    /**
     * Six invitations, four responses (access, procedure, officers, result, feedback; overall):
     * (5,4,5,5,3;5), (4,2,4,4,4;4), (3,3,5,2,1;2), (5,5,1,4,4;4). Satisfied (4 or 5): access 3,
     * procedure 2, officers 3, result 3, feedback 2, overall 3.
     */
    static final Tally FOUR = new Tally(6, 4, 3, 2, 3, 3, 2, 3, 1);

    @Test
    void elementIndexesAreTheSharesSatisfiedOrVerySatisfied() {
        assertThat(FOUR.elements()).containsExactly(
                entry("access", "75.00"), entry("procedure", "50.00"), entry("officers", "75.00"),
                entry("result", "75.00"), entry("feedback", "50.00"));
        assertThat(FOUR.overallIndex()).isEqualByComparingTo("75.00");
    }

    @Test
    void sipasAveragesTheFiveElementIndexes() {
        // (75 + 50 + 75 + 75 + 50) / 5 = 65
        assertThat(FOUR.sipas()).isEqualTo(new BigDecimal("65.00"));
    }

    @Test
    void theResponseRateIsAnsweredOverInvited() {
        assertThat(FOUR.responseRate()).isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void sipasIsRoundedOnceFromTheExactAverage() {
        // three responses; satisfied 1, 1, 1, 2, 2 → indexes 33.33, 33.33, 33.33, 66.67, 66.67 (sum of rounded
        // values / 5 = 46.666); exact: 7 / 15 = 46.666… → 46.67
        Tally t = new Tally(3, 3, 1, 1, 1, 2, 2, 0, 0);
        assertThat(t.elements().values()).extracting(BigDecimal::toPlainString)
                .containsExactly("33.33", "33.33", "33.33", "66.67", "66.67");
        assertThat(t.sipas()).isEqualTo(new BigDecimal("46.67"));
        assertThat(t.overallIndex()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void nothingToDivideByGivesNoPercentage() {
        Tally none = new Tally(2, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(none.responseRate()).isEqualTo(new BigDecimal("0.00"));
        assertThat(none.sipas()).isNull();
        assertThat(none.overallIndex()).isNull();
        assertThat(none.elements().values()).containsOnlyNulls();
        assertThat(new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0).responseRate()).isNull();
    }

    @Test
    void queryRowsMayHoldNullSums() {
        assertThat(Tally.of(new Object[] {"x", 0L, 0L, null, null, null, null, null, null, 0L}, 1))
                .isEqualTo(new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private static java.util.Map.Entry<String, BigDecimal> entry(String key, String value) {
        return java.util.Map.entry(key, new BigDecimal(value));
    }
}
