package vn.motcua.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock is the engine's: setting the engine clock (as process tests do to drive
 * timers) moves the domain's "now" too, so deadlines and history agree with the engine.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return ClockUtil.now().toInstant();
            }
        };
    }
}
