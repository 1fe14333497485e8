package vn.motcua.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.report.ProcessLinks;

/**
 * The dossiers' lifecycle process instances, for links to Cockpit: one query per 500 codes on the
 * runtime executions by business key (indexed), without the history tables. The engine's query API
 * takes one business key at a time, so this is a native query on its tables.
 */
@Component
class ProcessLinksAdapter implements ProcessLinks {

    private static final int CODES_PER_QUERY = 500;

    private final RuntimeService runtime;
    private final ManagementService management;

    ProcessLinksAdapter(@Lazy RuntimeService runtime, @Lazy ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public Map<String, String> lifecycleInstances(Collection<String> dossierCodes) {
        List<String> codes = new ArrayList<>(dossierCodes);
        Map<String, String> instances = new HashMap<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY));
            StringBuilder keys = new StringBuilder();
            for (int k = 0; k < chunk.size(); k++) {
                keys.append(k == 0 ? "" : ", ").append("#{code").append(k).append('}');
            }
            NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery().sql(
                    "SELECT RES.* FROM " + management.getTableName(ProcessInstance.class) + " RES"
                            + " INNER JOIN " + management.getTableName(ProcessDefinition.class) + " DEF"
                            + " ON RES.PROC_DEF_ID_ = DEF.ID_"
                            + " WHERE RES.ID_ = RES.PROC_INST_ID_ AND DEF.KEY_ = #{processKey}"
                            + " AND RES.BUSINESS_KEY_ IN (" + keys + ")")
                    .parameter("processKey", ProcessVariables.LIFECYCLE_PROCESS);
            for (int k = 0; k < chunk.size(); k++) {
                query.parameter("code" + k, chunk.get(k));
            }
            SystemAccess.call(query::list)
                    .forEach(instance -> instances.put(instance.getBusinessKey(), instance.getId()));
        }
        return instances;
    }
}
