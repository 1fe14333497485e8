package vn.motcua.engine;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.document.OfficerNames;

/** Officers' full names for the standard documents, from the engine's identity service. */
@Component
class OfficerNamesAdapter implements OfficerNames {

    private final IdentityService identity;

    OfficerNamesAdapter(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> fullName(String userId) {
        User user = SystemAccess.call(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return Optional.empty();
        }
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(part -> part != null && !part.isBlank())
                .map(String::strip).collect(Collectors.joining(" "));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
