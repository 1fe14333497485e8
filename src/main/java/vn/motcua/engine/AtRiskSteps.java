package vn.motcua.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import vn.motcua.report.AtRiskDigests;
import vn.motcua.report.AtRiskForecast;
import vn.motcua.report.ForecastProperties;

/**
 * The forecast's watch in the engine: the timer of {@code atRiskFlags} ({@code ${atRiskSchedule.refreshCron}}, every 30
 * minutes by default) brings the Tasklist flag up to date, and the daily timer of {@code atRiskDigest} ({@code ${atRiskSchedule.digestCron}},
 * 07:00) sends the supervisors' digest from an asynchronous step, its day fixed when the timer fires
 * ({@code atRiskDigestDay}). The job executor runs each timer on one node.
 *
 * <p><b>The flag.</b> Every running process instance holding an open task of a dossier at risk (the handling
 * process, an agency's part, the lifecycle at the counter, an escalation) carries {@code atRisk = true} and
 * {@code atRiskReason} (the risk and its reasons), which the Tasklist filter <i>Có nguy cơ trễ hạn</i> asks for;
 * when a dossier is no longer at risk (done, paused, late, or its risk fell) both are removed. Only changes are
 * written. Between two refreshes a new task of a flagged dossier shows once the next refresh has run.
 */
@Configuration(proxyBeanMethods = false)
class AtRiskSteps {

    private static final Logger log = LoggerFactory.getLogger(AtRiskSteps.class);
    private static final int CODES_PER_QUERY = 500;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AtRiskForecast forecast;

    AtRiskSteps(@Lazy RuntimeService runtime, @Lazy TaskService tasks, @Lazy AtRiskForecast forecast) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.forecast = forecast;
    }

    /** What the BPMN's timers read: {@code ${atRiskSchedule.refreshCron}}, {@code ${atRiskSchedule.digestCron}}. */
    public static final class Schedule {

        private final String refreshCron;
        private final String digestCron;

        Schedule(String refreshCron, String digestCron) {
            this.refreshCron = refreshCron;
            this.digestCron = digestCron;
        }

        public String getRefreshCron() {
            return refreshCron;
        }

        public String getDigestCron() {
            return digestCron;
        }
    }

    @Bean("atRiskSchedule")
    Schedule atRiskSchedule(ForecastProperties properties) {
        return new Schedule(properties.refreshCron(), properties.digestCron());
    }

    @Bean("atRiskRefreshDelegate")
    JavaDelegate atRiskRefreshDelegate() {
        return execution -> refreshFlags();
    }

    /** Fixes the day the digest reports when its timer fires, so a retry after midnight still sends that day's. */
    @Bean("atRiskDigestDay")
    ExecutionListener atRiskDigestDay(@Lazy AtRiskDigests digests) {
        return execution -> {
            if (execution.getVariable(ProcessVariables.DIGEST_DAY) == null) {
                String day = digests.today().toString();
                execution.setVariable(ProcessVariables.DIGEST_DAY, day);
                execution.setProcessBusinessKey(day);
            }
        };
    }

    @Bean("atRiskDigestDelegate")
    JavaDelegate atRiskDigestDelegate(@Lazy AtRiskDigests digests) {
        return execution -> {
            refreshFlags();
            digests.send(LocalDate.parse((String) execution.getVariable(ProcessVariables.DIGEST_DAY)));
        };
    }

    /**
     * Flags the running instances of the dossiers at risk and unflags the others.
     *
     * @return how many instances changed
     */
    int refreshFlags() {
        Map<String, String> reasons = new HashMap<>();
        for (AtRiskForecast.AtRisk e : forecast.forecast(null, null).entries()) {
            if (e.atRisk()) {
                String reason = e.risk() + "%: " + String.join("; ", e.reasons());
                // a string variable is kept in a column of 4,000 characters
                reasons.put(e.code(), reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason);
            }
        }
        int changed = 0;
        for (ProcessInstance flagged : SystemAccess.call(() -> runtime.createProcessInstanceQuery()
                .variableValueEquals(ProcessVariables.AT_RISK, true).list())) {
            if (!reasons.containsKey(flagged.getBusinessKey())) {
                SystemAccess.run(() -> runtime.removeVariables(flagged.getId(),
                        List.of(ProcessVariables.AT_RISK, ProcessVariables.AT_RISK_REASON)));
                changed++;
            }
        }
        List<String> codes = new ArrayList<>(reasons.keySet());
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            String[] chunk = codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY)).toArray(String[]::new);
            // the instances holding the dossiers' open tasks (the engine's instance query takes one business key)
            java.util.Set<String> instances = new java.util.LinkedHashSet<>();
            SystemAccess.call(() -> tasks.createTaskQuery().processInstanceBusinessKeyIn(chunk).active().list())
                    .forEach(t -> instances.add(t.getProcessInstanceId()));
            if (instances.isEmpty()) {
                continue;
            }
            for (ProcessInstance instance : SystemAccess.call(() -> runtime.createProcessInstanceQuery()
                    .processInstanceIds(instances).list())) {
                String reason = reasons.get(instance.getBusinessKey());
                if (reason == null) {
                    continue;
                }
                Map<String, Object> now = SystemAccess.call(() -> runtime.getVariables(instance.getId(),
                        List.of(ProcessVariables.AT_RISK, ProcessVariables.AT_RISK_REASON)));
                if (!Boolean.TRUE.equals(now.get(ProcessVariables.AT_RISK))
                        || !reason.equals(now.get(ProcessVariables.AT_RISK_REASON))) {
                    SystemAccess.run(() -> runtime.setVariables(instance.getId(),
                            Map.of(ProcessVariables.AT_RISK, true, ProcessVariables.AT_RISK_REASON, reason)));
                    changed++;
                }
            }
        }
        if (changed > 0) {
            log.info("At-risk flags: {} dossiers at risk, {} process instances changed", reasons.size(), changed);
        }
        return changed;
    }
}
