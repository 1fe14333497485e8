package vn.motcua.engine;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierStatusChanged;

/**
 * Tells the citizen about a status change in a process of its own ({@code citizenNotice}), started
 * in the officer's transaction and sent from its own job, so a mail outage never holds up the
 * dossier and shows as an incident in Cockpit.
 */
@Component
class NoticeStarter {

    private final RuntimeService runtime;
    private final DossierTenantProvider tenants;

    NoticeStarter(@Lazy RuntimeService runtime, DossierTenantProvider tenants) {
        this.runtime = runtime;
        this.tenants = tenants;
    }

    @EventListener
    void onStatusChanged(DossierStatusChanged change) {
        CitizenNotices.Notice.of(change.to()).ifPresent(notice -> SystemAccess.run(() -> DossierTenantProvider.startIn(
                ProcessVariables.NOTICE_PROCESS, tenants.receivingUnit(change.code()), () ->
                runtime.startProcessInstanceByKey(ProcessVariables.NOTICE_PROCESS, change.code(), Map.of(
                        ProcessVariables.DOSSIER_CODE, change.code(),
                        ProcessVariables.NOTICE, notice.name(),
                        ProcessVariables.NOTICE_KEY, "notice:" + change.code() + ":" + notice.mail + ":"
                                + change.at().toEpochMilli())))));
    }
}
