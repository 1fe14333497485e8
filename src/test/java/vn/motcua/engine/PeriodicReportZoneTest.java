package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * The engine reads the periodic report's cron in the JVM's default zone: start-up refuses a JVM zone
 * whose rules differ from the working calendar's, instead of mailing the report at the wrong hour.
 */
class PeriodicReportZoneTest {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aJvmInAnotherZoneIsRefused() {
        assertThatThrownBy(() -> PeriodicReportSteps.checkZone(ZoneId.of("UTC"), HUE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-Duser.timezone=Asia/Ho_Chi_Minh");
    }

    @Test
    void theSameRulesUnderAnotherNameAreFine() {
        assertThatCode(() -> PeriodicReportSteps.checkZone(ZoneId.of("Asia/Saigon"), HUE)).doesNotThrowAnyException();
        assertThatCode(() -> PeriodicReportSteps.checkZone(HUE, HUE)).doesNotThrowAnyException();
    }
}
