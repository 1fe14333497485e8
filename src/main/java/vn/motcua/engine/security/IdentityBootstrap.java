package vn.motcua.engine.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.cluster.ClusterLock;
import vn.motcua.engine.Tenants;

/**
 * Sets up identity and access at start-up, idempotently: the administrator, one group per unit
 * and role from the catalog, the city's supervisors group, what each group may open and read,
 * and the shared Tasklist filters. Each officer's groups read the tasks of their unit and their variables, and work
 * on those they are candidates or assignee of ({@code TaskAuthorizationsPlugin} checks the candidates).
 *
 * <p>Each unit is also a tenant of the engine, and every group of the unit a member of it; the city's
 * supervisors are members of every tenant, administrators pass the tenant check anyway. The engine
 * gives each process instance the tenant of the unit that works in it, so the supervisors' "any
 * instance, any task" read grants reach only their own unit's instances, tasks and history.
 *
 * <p>Several nodes may start at the same moment: the whole set-up runs under the cluster lock {@value #LOCK},
 * so each check-then-create is done by one node at a time and the others find what it made. A filter has no
 * unique name in the engine; should a database hold several shared filters of one name (made by an earlier
 * version's race), the extra ones are deleted, with their authorizations.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

    static final String FILTER_MINE = "filter.mine";
    static final String FILTER_GROUPS = "filter.groups";
    static final String FILTER_DUE_SOON = "filter.dueSoon";
    static final String FILTER_OVERDUE = "filter.overdue";
    static final String FILTER_ESCALATIONS = "filter.escalations";
    static final String FILTER_AT_RISK = "filter.atRisk";
    /** The flag the forecast's watch keeps on the process instances of the dossiers at risk ({@code AtRiskSteps}). */
    static final String AT_RISK_VARIABLE = "atRisk";
    static final String AT_RISK_REASON_VARIABLE = "atRiskReason";
    static final String ESCALATION_PROCESS = "stepEscalation";
    /** The cluster lock of the identity set-up (the demo users take it too). */
    static final String LOCK = "identity";
    /** The counter's intake form, listed in Tasklist's "Start process" for the reception groups. */
    static final String COUNTER_INTAKE = "counterIntake";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Catalog catalog;
    private final AdminProperties admin;
    private final MessageSource messages;
    private final ClusterLock lock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, Catalog catalog, AdminProperties admin, MessageSource messages, ClusterLock lock,
            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.catalog = catalog;
        this.admin = admin;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        lock.holding(LOCK, this::setUp);
    }

    private void setUp() {
        deleteTaskRows();
        ensureAdministrator();
        ensureGroup(Role.CITY_SUPERVISORS_GROUP, message("group.citySupervisors"));
        grantSupervisor(Role.CITY_SUPERVISORS_GROUP);
        ensureTenant(Tenants.CITY, message("tenant.city"));
        ensureTenantMember(Tenants.CITY, Role.CITY_SUPERVISORS_GROUP);
        for (Unit unit : catalog.units()) {
            String tenant = Tenants.ofUnit(unit.getKey());
            if (Tenants.CITY.equals(tenant)) {
                throw new IllegalStateException("A unit's key may not be '" + Tenants.CITY
                        + "', the city's own tenant");
            }
            ensureTenant(tenant, unit.getName());
            ensureTenantMember(tenant, Role.CITY_SUPERVISORS_GROUP);
            for (Role role : Role.values()) {
                String group = unit.group(role);
                ensureGroup(group, message("group." + role.suffix(), unit.getName()));
                ensureTenantMember(tenant, group);
                if (role == Role.SUPERVISORS) {
                    grantSupervisor(group);
                } else {
                    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                    // the tasks of the unit and their variables (the tenant check keeps out every other unit's), and
                    // the work on those of them the officer is assignee or candidate of (TaskAuthorizationsPlugin
                    // checks that part)
                    grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                            Permissions.READ_TASK, Permissions.UPDATE_TASK,
                            ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
                }
                if (role == Role.RECEPTION) {
                    // Tasklist's "Start process" lists the counter's intake form for the counters only; the start itself
                    // never reaches the engine (the guard refuses every start through REST), the form posts the dossier
                    // to /api/counter/dossiers
                    grant(group, Resources.PROCESS_DEFINITION, COUNTER_INTAKE, Permissions.READ,
                            Permissions.CREATE_INSTANCE);
                    grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
                }
            }
        }
        // every officer's and supervisor's lists, soonest deadline first; "mine or my groups'" throughout
        ensureFilter(FILTER_MINE, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc(), -10);
        ensureFilter(FILTER_GROUPS, groupsTasks().orderByDueDate().asc(), -5);
        ensureFilter(FILTER_DUE_SOON, groupsTasks().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")
                .orderByDueDate().asc(), 0);
        ensureFilter(FILTER_OVERDUE, groupsTasks().dueBeforeExpression("${now()}").orderByDueDate().asc(), 5);
        ensureFilter(FILTER_ESCALATIONS, groupsTasks().processDefinitionKey(ESCALATION_PROCESS).orderByDueDate().asc(),
                10);
        // the tasks of the dossiers the forecast finds at risk of missing their appointment
        ensureFilter(FILTER_AT_RISK, groupsTasks().processVariableValueEquals(AT_RISK_VARIABLE, true)
                .orderByDueDate().asc(), 3, Map.of("name", AT_RISK_REASON_VARIABLE,
                        "label", message("filter.variable.atRiskReason")));
    }

    /**
     * Deletes the authorization rows an earlier version let the engine write on each task of a process for its
     * candidate groups, users, assignee and owner (READ and UPDATE): the engine writes none now, the groups' grants and
     * the candidates check of {@code TaskAuthorizationsPlugin} take their place. In batches, nothing once done.
     */
    private void deleteTaskRows() {
        int deleted = 0;
        while (true) {
            List<String> ids = jdbc.queryForList("select A.ID_ from ACT_RU_AUTHORIZATION A join ACT_RU_TASK T"
                    + " on T.ID_ = A.RESOURCE_ID_ where A.TYPE_ = ? and A.RESOURCE_TYPE_ = ? and T.PROC_INST_ID_ is not null"
                    + " fetch first 2000 rows only", String.class, Authorization.AUTH_TYPE_GRANT,
                    Resources.TASK.resourceType());
            if (ids.isEmpty()) {
                break;
            }
            transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                    "delete from ACT_RU_AUTHORIZATION where ID_ = ?", ids.stream().map(id -> new Object[] {id}).toList()));
            deleted += ids.size();
        }
        if (deleted > 0) {
            log.info("Task authorizations: deleted the {} rows written per task by an earlier version", deleted);
        }
    }

    private void ensureAdministrator() {
        ensureGroup(Groups.CAMUNDA_ADMIN, message("group.admins"));
        for (Resource resource : Resources.values()) {
            grantAll(Groups.CAMUNDA_ADMIN, resource);
        }
        if (identity.createUserQuery().userId(admin.user()).count() == 0) {
            User user = identity.newUser(admin.user());
            user.setFirstName(message("admin.firstName"));
            user.setLastName(message("admin.lastName"));
            user.setPassword(admin.password());
            identity.saveUser(user);
            log.info("Created the administrator '{}'", admin.user());
        }
        if (identity.createUserQuery().userId(admin.user()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(admin.user(), Groups.CAMUNDA_ADMIN);
        }
    }

    /** Cockpit, and the unit's instances, tasks and history; the work on the tasks they are candidates of. */
    private void grantSupervisor(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.UPDATE_TASK,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grant(group, Resources.TASK, Authorization.ANY, Permissions.READ);
        grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /** The tenant, created once; another node starting at the same time may have created it first. */
    private void ensureTenant(String id, String name) {
        if (identity.createTenantQuery().tenantId(id).count() > 0) {
            return;
        }
        try {
            Tenant tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
        } catch (ProcessEngineException e) {
            if (identity.createTenantQuery().tenantId(id).count() == 0) {
                throw e;
            }
        }
    }

    private void ensureTenantMember(String tenant, String group) {
        if (identity.createTenantQuery().tenantId(tenant).groupMember(group).count() > 0) {
            return;
        }
        try {
            identity.createTenantGroupMembership(tenant, group);
        } catch (ProcessEngineException e) {
            if (identity.createTenantQuery().tenantId(tenant).groupMember(group).count() == 0) {
                throw e;
            }
        }
    }

    /** Grants the permissions, adding those an existing grant of an earlier version lacks. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).list().stream().filter(a -> a.getAuthorizationType()
                        == Authorization.AUTH_TYPE_GRANT).findFirst().orElse(null);
        if (existing != null) {
            boolean missing = false;
            for (Permission permission : permissions) {
                if (!existing.isPermissionGranted(permission)) {
                    existing.addPermission(permission);
                    missing = true;
                }
            }
            if (missing) {
                authorizations.saveAuthorization(existing);
            }
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void grantAll(String group, Resource resource) {
        grant(group, resource, Authorization.ANY, Permissions.ALL);
    }

    /** Tasks of the current user's groups, or assigned to them. */
    private TaskQuery groupsTasks() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    /** Creates the shared filter, or brings an existing one of that name up to date (query, columns, order). */
    private void ensureFilter(String nameKey, TaskQuery query, int priority) {
        ensureFilter(nameKey, query, priority, null);
    }

    /** As {@link #ensureFilter(String, TaskQuery, int)}, with one more variable shown on the cards (or null). */
    private void ensureFilter(String nameKey, TaskQuery query, int priority, Map<String, String> extraVariable) {
        String name = message(nameKey);
        List<Map<String, String>> variables = new java.util.ArrayList<>(List.of(
                Map.of("name", "dossierCode", "label", message("filter.variable.code")),
                Map.of("name", "applicantName", "label", message("filter.variable.applicant")),
                Map.of("name", "procedureName", "label", message("filter.variable.procedure"))));
        if (extraVariable != null) {
            variables.add(extraVariable);
        }
        Map<String, Object> properties = Map.of("priority", priority, "description", message(nameKey + ".description"),
                "refresh", true, "variables", variables);
        Filter existing = single(name);
        if (existing != null) {
            filters.saveFilter(existing.setQuery(query).setProperties(properties));
            return;
        }
        Filter filter = filters.newTaskFilter(name).setOwner(admin.user()).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
        Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
    }

    /**
     * The shared filter of this name owned by the administrator, the first of them if an earlier race made
     * several (the others are deleted, and with them their authorizations).
     */
    private Filter single(String name) {
        List<Filter> found = filters.createTaskFilterQuery().filterName(name).filterOwner(admin.user()).orderByFilterId()
                .asc().list();
        if (found.isEmpty()) {
            return filters.createTaskFilterQuery().filterName(name).orderByFilterId().asc().list().stream().findFirst()
                    .orElse(null);
        }
        for (Filter duplicate : found.subList(1, found.size())) {
            filters.deleteFilter(duplicate.getId());
            log.warn("Deleted a second shared Tasklist filter '{}' ({})", name, duplicate.getId());
        }
        return found.get(0);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

}
