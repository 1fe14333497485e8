package vn.motcua.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.document.OfficerNames;

/** Officers' full names and work phones for the standard documents, from the engine's identity service. */
@Component
class OfficerNamesAdapter implements OfficerNames {

    private final IdentityService identity;
    private final OfficerPhones phones;

    OfficerNamesAdapter(@Lazy IdentityService identity, OfficerPhones phones) {
        this.identity = identity;
        this.phones = phones;
    }

    @Override
    public Optional<String> phone(String userId) {
        return phones.phone(userId);
    }

    @Override
    public Optional<String> fullName(String userId) {
        User user = SystemAccess.user(identity, userId);
        return user == null ? Optional.empty() : name(user);
    }

    /** In one query of the identity service, not one per officer. */
    @Override
    public Map<String, String> fullNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (User user : SystemAccess.users(identity, userIds)) {
            name(user).ifPresent(name -> names.put(user.getId(), name));
        }
        return names;
    }

    private static Optional<String> name(User user) {
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null && !part.isBlank())
                .map(String::strip).collect(Collectors.joining(" "));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
