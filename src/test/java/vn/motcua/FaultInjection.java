package vn.motcua;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.motcua.dossier.DossierWorkflow;

/**
 * Makes the next intake fail after its process instance has started, to prove that a failed
 * intake leaves neither a dossier nor a process behind. Everything else goes to the real engine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    public static final AtomicBoolean FAIL_NEXT_START = new AtomicBoolean();
    /** Makes the next counter decision fail after the reception check was completed (files and papers stored). */
    public static final AtomicBoolean FAIL_NEXT_DECISION = new AtomicBoolean();

    @Bean
    @Primary
    DossierWorkflow failingWorkflow(List<DossierWorkflow> all) {
        DossierWorkflow real = all.stream().filter(w -> !(w instanceof Failing)).findFirst().orElseThrow();
        return new Failing(real);
    }

    record Failing(DossierWorkflow real) implements DossierWorkflow {

        @Override
        public void start(String dossierCode) {
            real.start(dossierCode);
            if (FAIL_NEXT_START.getAndSet(false)) {
                throw new IllegalStateException("injected failure after the process started");
            }
        }

        @Override
        public void receptionDecided(String dossierCode, String officer, String decision, String note,
                java.util.Collection<Integer> receivedPapers) {
            real.receptionDecided(dossierCode, officer, decision, note, receivedPapers);
            if (FAIL_NEXT_DECISION.getAndSet(false)) {
                throw new IllegalStateException("injected failure after the counter's decision");
            }
        }

        @Override
        public void supplementReceived(String dossierCode) {
            real.supplementReceived(dossierCode);
        }

        @Override
        public boolean awaitsSupplement(String dossierCode) {
            return real.awaitsSupplement(dossierCode);
        }

        @Override
        public void feesPaid(String dossierCode) {
            real.feesPaid(dossierCode);
        }

        @Override
        public boolean awaitsFees(String dossierCode) {
            return real.awaitsFees(dossierCode);
        }

        @Override
        public List<OpenTask> openTasks(String dossierCode) {
            return real.openTasks(dossierCode);
        }
    }
}
