package vn.motcua.engine;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.deadline.DeadlinesMoved;
import vn.motcua.online.DossierFilesAdded;

/**
 * Keeps the dossier panel of open tasks current: when files are added to a dossier (a scan, the electronic result), its
 * deadlines move (a supplement pause ended, a calendar change) or it is re-appointed, every open task of the dossier
 * gets its panel built again. Runs after the change committed, in a transaction of its own and as the system: a
 * panel that cannot be refreshed (the task ended meanwhile) is logged and never undoes the change.
 */
@Component
class DossierPanelRefresh {

    private static final Logger log = LoggerFactory.getLogger(DossierPanelRefresh.class);

    private final ObjectProvider<ProcessEngine> engine;
    private final DossierPanels panels;

    DossierPanelRefresh(ObjectProvider<ProcessEngine> engine, DossierPanels panels) {
        this.engine = engine;
        this.panels = panels;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onFilesAdded(DossierFilesAdded added) {
        refresh(List.of(added.dossierCode()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDeadlinesMoved(DeadlinesMoved moved) {
        refresh(moved.dossierCodes());
    }

    /** Refreshes the dossier's open tasks once the caller's transaction committed (at once without one). */
    void refreshAfterCommit(String code) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(List.of(code));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh(List.of(code));
            }
        });
    }

    void refresh(Collection<String> codes) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        for (String code : codes) {
            Command<Void> refresh = context -> SystemAccess.call(() -> {
                var tasks = configuration.getTaskService();
                for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(code).active().list()) {
                    tasks.setVariableLocal(task.getId(), ProcessVariables.DOSSIER_PANEL,
                            panels.variable(code, task.getDueDate()));
                }
                return null;
            });
            try {
                configuration.getCommandExecutorTxRequiresNew().execute(refresh);
            } catch (RuntimeException e) {
                log.warn("The dossier panel of the open tasks of {} was not refreshed: {}", code, e.toString());
            }
        }
    }
}
