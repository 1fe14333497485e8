package vn.motcua.engine;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A stopping node finishes the jobs it runs and hands back those it took but has not started. The engine's job
 * threads are the Spring Boot starter's {@code camundaTaskExecutor}, which by default is stopped with
 * {@code shutdownNow}: jobs running are interrupted and those acquired but waiting in its queue are dropped, still
 * locked, so that the other nodes take them only after the lock time
 * ({@code camunda.bpm.job-execution.lock-time-in-millis}). Here the executor lets its queue drain, for at most
 * {@code motcua.jobs.shutdown-grace}: the engine, closed first, has stopped acquiring, and a queued batch that starts
 * once the engine's job executor is no longer active unlocks its jobs instead of running them (Camunda's
 * {@code ExecuteJobsRunnable}), so the other nodes take them at once. A node killed outright leaves its jobs to the
 * others after the lock time.
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorShutdown {

    static final String TASK_EXECUTOR = "camundaTaskExecutor";

    @Bean
    static BeanPostProcessor jobExecutorGracefulShutdown(@Value("${motcua.jobs.shutdown-grace:PT60S}") Duration grace) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThreadPoolTaskExecutor executor && TASK_EXECUTOR.equals(beanName)) {
                    executor.setWaitForTasksToCompleteOnShutdown(true);
                    executor.setAwaitTerminationMillis(grace.toMillis());
                }
                return bean;
            }
        };
    }
}
