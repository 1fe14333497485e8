package vn.motcua.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.report.GroupAddresses;
import vn.motcua.report.TaskQueues;

/**
 * The open tasks of dossiers (by business key, 500 codes a query), who holds each and their queues: an officer's
 * claimed open tasks; a group's open tasks (claimed or not) per member. One count per distinct officer and group.
 * Also the members' addresses of a group, for the digest.
 */
@Component
class TaskQueuesAdapter implements TaskQueues, GroupAddresses {

    private static final int CODES_PER_QUERY = 500;
    private static final String TASK_PREFIX = "Task_";

    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;

    TaskQueuesAdapter(@Lazy TaskService tasks, @Lazy IdentityService identity, @Lazy RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public Map<String, List<Holder>> holders(Collection<String> dossierCodes) {
        List<String> codes = new ArrayList<>(dossierCodes);
        Map<String, List<Holder>> holders = new HashMap<>();
        Map<String, Long> officerQueues = new HashMap<>();
        Map<String, double[]> groupQueues = new HashMap<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            String[] chunk = codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY)).toArray(String[]::new);
            List<Task> open = SystemAccess.call(() -> tasks.createTaskQuery().processInstanceBusinessKeyIn(chunk)
                    .active().list());
            if (open.isEmpty()) {
                continue;
            }
            Map<String, String> businessKeys = businessKeys(open);
            for (Task task : open) {
                String code = businessKeys.get(task.getProcessInstanceId());
                if (code == null) {
                    continue;
                }
                String group = SystemAccess.call(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                        .map(IdentityLink::getGroupId).findFirst().orElse(null);
                double[] perMember = group == null ? null : groupQueues.computeIfAbsent(group, this::groupQueue);
                double mean = perMember == null ? 0 : perMember[0];
                double queue;
                if (task.getAssignee() != null) {
                    queue = officerQueues.computeIfAbsent(task.getAssignee(),
                            a -> SystemAccess.call(() -> tasks.createTaskQuery().taskAssignee(a).active().count()));
                } else {
                    queue = mean;
                }
                String key = task.getTaskDefinitionKey();
                String step = key != null && key.startsWith(TASK_PREFIX) ? key.substring(TASK_PREFIX.length()) : key;
                holders.computeIfAbsent(code, k -> new ArrayList<>())
                        .add(new Holder(step, task.getName(), task.getAssignee(), group, queue, mean));
            }
        }
        return holders;
    }

    /** The group's open tasks (claimed by its members or not) per member: {perMember}. */
    private double[] groupQueue(String group) {
        long members = SystemAccess.call(() -> identity.createUserQuery().memberOfGroup(group).count());
        long open = SystemAccess.call(() -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                .active().count());
        return new double[] {members == 0 ? open : (double) open / members};
    }

    /** The business key of each task's process instance (the dossier code). */
    private Map<String, String> businessKeys(List<Task> open) {
        java.util.Set<String> instances = new java.util.HashSet<>();
        open.forEach(t -> instances.add(t.getProcessInstanceId()));
        Map<String, String> keys = new HashMap<>();
        SystemAccess.call(() -> runtime.createProcessInstanceQuery().processInstanceIds(instances).list())
                .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
        return keys;
    }

    @Override
    public List<String> of(String group) {
        return SystemAccess.call(() -> identity.createUserQuery().memberOfGroup(group).list()).stream()
                .map(u -> u.getEmail()).filter(e -> e != null && !e.isBlank()).distinct().toList();
    }
}
