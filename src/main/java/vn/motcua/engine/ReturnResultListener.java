package vn.motcua.engine;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.online.AttachmentKind;
import vn.motcua.online.DossierFiles;

/**
 * On completing the return of the result ({@code Task_returnResult}): a result returned electronically
 * ({@code returnMethod} ONLINE) needs its electronic result attached first, which the citizen then downloads.
 */
@Component("returnResultListener")
class ReturnResultListener implements TaskListener {

    static final String ONLINE = "ONLINE";

    private final DossierFiles files;
    private final MessageSource messages;

    ReturnResultListener(DossierFiles files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = DossierKeys.of(task);
        if (code != null && ONLINE.equals(task.getVariable(ProcessVariables.RETURN_METHOD))
                && files.latest(code, AttachmentKind.RESULT).isEmpty()) {
            throw new DecisionRejected(messages.getMessage("result.required", null, Locale.forLanguageTag("vi")));
        }
    }
}
