package vn.motcua.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.report.StaffNames;

/** Officers' full names for the reports, from the engine's identity service: one query per 500 users. */
@Component
class StaffNamesAdapter implements StaffNames {

    private static final int USERS_PER_QUERY = 500;

    private final IdentityService identity;

    StaffNamesAdapter(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Map<String, String> fullNames(Collection<String> userIds) {
        List<String> ids = userIds.stream().distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += USERS_PER_QUERY) {
            String[] chunk = ids.subList(i, Math.min(ids.size(), i + USERS_PER_QUERY)).toArray(String[]::new);
            for (User user : SystemAccess.call(() -> identity.createUserQuery().userIdIn(chunk).list())) {
                String name = Stream.of(user.getFirstName(), user.getLastName())
                        .filter(part -> part != null && !part.isBlank()).map(String::strip)
                        .collect(Collectors.joining(" "));
                if (!name.isEmpty()) {
                    names.put(user.getId(), name);
                }
            }
        }
        return names;
    }
}
