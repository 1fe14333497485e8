package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.survey.SatisfactionReport;
import vn.motcua.survey.SatisfactionReport.Satisfaction;

/**
 * The transparency figures' memory without a database: how often a period is computed (each computation is the
 * staff indicators' and satisfaction report's queries), how many periods are kept, and the configurable thresholds.
 */
class TransparencyCacheTest {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    final Indicators indicators = mock(Indicators.class);
    final SatisfactionReport satisfaction = mock(SatisfactionReport.class);
    final Catalog catalog = mock(Catalog.class);
    final WorkingCalendar calendar = mock(WorkingCalendar.class);
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2023-03-15T03:00:00Z"));

    @BeforeEach
    void stubs() {
        when(calendar.now()).thenAnswer(i -> now.get());
        when(calendar.zone()).thenReturn(HUE);
        when(catalog.units()).thenReturn(List.of());
        when(indicators.compute(isNull(), isNull(), any(), any())).thenAnswer(i -> report(i.getArgument(2),
                i.getArgument(3), new Counts(12, 3, 6, 2, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        when(satisfaction.satisfactions(anyList(), any(), any())).thenReturn(new SatisfactionReport.Satisfactions(
                satisfied(3, 3), Map.of("ward", satisfied(3, 3))));
    }

    @Test
    void aPeriodIsComputedOnceUntilItIsAFewMinutesOld() {
        Transparency transparency = new Transparency(indicators, satisfaction, catalog, calendar, properties(10, 13));
        transparency.view(new Transparency.Period(2022, 0));
        // the year and its twelve months
        assertThat(transparency.computations()).isEqualTo(13);
        verify(indicators, times(13)).compute(isNull(), isNull(), any(), any());
        for (int i = 0; i < 50; i++) {
            transparency.view(new Transparency.Period(2022, 0));
            transparency.view(new Transparency.Period(2022, 5));
        }
        assertThat(transparency.computations()).isEqualTo(13);
        verify(indicators, times(13)).compute(isNull(), isNull(), any(), any());

        now.set(now.get().plus(Duration.ofMinutes(4)));
        transparency.view(new Transparency.Period(2022, 5));
        assertThat(transparency.computations()).isEqualTo(13);
        // five minutes after: May and the months before it again
        now.set(now.get().plus(Duration.ofMinutes(1)));
        transparency.view(new Transparency.Period(2022, 5));
        assertThat(transparency.computations()).isEqualTo(18);
        // a clock set back does not keep figures from the future
        now.set(now.get().minus(Duration.ofHours(1)));
        transparency.view(new Transparency.Period(2022, 1));
        assertThat(transparency.computations()).isEqualTo(19);
    }

    @Test
    void whileFiguresAreComputedAgainViewsGetTheOlderOnesWithoutWaiting() throws Exception {
        Transparency transparency = new Transparency(indicators, satisfaction, catalog, calendar, properties(10, 13));
        Transparency.Period january = new Transparency.Period(2022, 1);
        Transparency.Figures first = transparency.view(january).figures();
        now.set(now.get().plus(Duration.ofMinutes(6)));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(indicators.compute(isNull(), isNull(), any(), any())).thenAnswer(i -> {
            computing.countDown();
            release.await(10, TimeUnit.SECONDS);
            return report(i.getArgument(2), i.getArgument(3), Counts.ZERO);
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Transparency.View> slow = pool.submit(() -> transparency.view(january));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            // another view meanwhile: the older figures, at once
            assertThat(transparency.view(january).figures()).isSameAs(first);
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS).figures().city().counts()).isEqualTo(Counts.ZERO);
            assertThat(transparency.view(january).figures().city().counts()).isEqualTo(Counts.ZERO);
            assertThat(transparency.computations()).isEqualTo(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void atMostMaxPeriodsAreKeptTheLeastRecentlyUsedGoFirst() {
        Transparency transparency = new Transparency(indicators, satisfaction, catalog, calendar, properties(10, 13));
        transparency.view(new Transparency.Period(2022, 0));
        transparency.view(new Transparency.Period(2021, 0));
        assertThat(transparency.computations()).isEqualTo(26);
        // 2022 went out to make room for 2021: computed again, and 2021 in its turn
        transparency.view(new Transparency.Period(2022, 0));
        assertThat(transparency.computations()).isEqualTo(39);
        transparency.view(new Transparency.Period(2022, 0));
        assertThat(transparency.computations()).isEqualTo(39);
    }

    @Test
    void theCurrentYearsTrendStopsAtTheCurrentMonthAndTheFutureIsRefused() {
        Transparency transparency = new Transparency(indicators, satisfaction, catalog, calendar, properties(10, 64));
        Transparency.View view = transparency.view(transparency.period("2023", null));
        assertThat(view.months()).extracting(f -> f.period().month()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> transparency.period("2023", "4")).isInstanceOfSatisfying(Transparency.Refused.class,
                r -> assertThat(r.key).isEqualTo("transparency.month.future"));
        assertThatThrownBy(() -> transparency.period("2024", null)).isInstanceOfSatisfying(Transparency.Refused.class,
                r -> assertThat(r.key).isEqualTo("transparency.year.range"));
        assertThatThrownBy(() -> transparency.period("2019", null)).isInstanceOf(Transparency.Refused.class);
        assertThatThrownBy(() -> transparency.period("２０２３", null)).isInstanceOfSatisfying(
                Transparency.Refused.class, r -> assertThat(r.key).isEqualTo("transparency.year.format"));
        assertThat(transparency.period(" ", "")).isEqualTo(new Transparency.Period(2023, 0));
    }

    @Test
    void theThresholdsAreConfigurable() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("transparency.insufficient.dossiers", Locale.forLanguageTag("vi"), "ít: {0} < {1}");
        messages.addMessage("transparency.insufficient.responses", Locale.forLanguageTag("vi"), "ít phiếu: {0} < {1}");
        Transparency.Period period = new Transparency.Period(2022, 0);

        // by default three responses and twelve dossiers: the rates, not SIPAS
        Transparency.View view = new Transparency(indicators, satisfaction, catalog, calendar, properties(10, 13))
                .view(period);
        TransparencyJson json = TransparencyJson.of(view, properties(10, 13), messages, HUE);
        assertThat(json.city().satisfaction().sipas().value()).isNull();
        assertThat(json.city().satisfaction().sipas().reason()).isEqualTo("ít phiếu: 3 < 10");
        // (6 + 2 + 2 not due) / 12
        assertThat(json.city().onTimeRate().value()).isEqualByComparingTo("83.33");
        assertThat(json.city().onlineShare().value()).isEqualByComparingTo("25.00");

        // three responses are enough when so configured; twelve dossiers are not when 13 are asked for
        TransparencyProperties three = new TransparencyProperties(3, 13, Duration.ofMinutes(5), 13, 2020);
        json = TransparencyJson.of(view, three, messages, HUE);
        assertThat(json.city().satisfaction().sipas().value()).isEqualByComparingTo("100.00");
        assertThat(json.city().satisfaction().sipas().basis()).isEqualTo(3);
        assertThat(json.city().onTimeRate().value()).isNull();
        assertThat(json.city().onTimeRate().reason()).isEqualTo("ít: 12 < 13");
    }

    private static TransparencyProperties properties(int min, int maxPeriods) {
        return new TransparencyProperties(min, min, Duration.ofMinutes(5), maxPeriods, 2020);
    }

    private static Satisfaction satisfied(long responses, long satisfied) {
        Map<String, BigDecimal> elements = new LinkedHashMap<>();
        BigDecimal index = responses == 0 ? null
                : BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(responses)).setScale(2);
        TransparencyJson.ELEMENTS.forEach(e -> elements.put(e, index));
        return new Satisfaction(responses, elements, index, 0, 0);
    }

    private Indicators.Report report(LocalDate from, LocalDate to, Counts counts) {
        Map<String, Counts> perUnit = new LinkedHashMap<>();
        perUnit.put("ward", counts);
        return new Indicators.Report(null, null, from, to, now.get(), counts, perUnit, Map.of(),
                new SatisfactionReport.Sipas(null, 0), Map.of(), new SatisfactionReport.Feedback(0, 0), Map.of());
    }
}
