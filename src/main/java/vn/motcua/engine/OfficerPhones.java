package vn.motcua.engine;

import java.security.Principal;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.Role;
import vn.motcua.dossier.Actors;
import vn.motcua.dossier.DossierProblem;
import vn.motcua.text.PlainText;

/**
 * An officer's work phone, which Form 02 prints beside the guiding officer's name so that the citizen can
 * call them. It is kept with the officer's account in the engine's identity store (user info
 * {@value #PHONE}), since Camunda's user has no phone field. An officer reads and sets their own; an
 * administrator anyone's.
 */
@RestController
class OfficerPhones {

    /** The identity store's user info key of the work phone. */
    static final String PHONE = "motcua.phone";

    private static final Logger log = LoggerFactory.getLogger(OfficerPhones.class);

    private final IdentityService identity;

    OfficerPhones(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    /** A work phone: a Vietnamese number, spaces and dots allowed ("0234 3822 123"). */
    record PhoneRequest(
            @NotBlank(message = "{officer.phone.required}")
            @Pattern(regexp = "\\s*(\\+84 ?|0)[0-9][0-9 .]{7,14}[0-9]\\s*", message = "{officer.phone.pattern}") @PlainText
            String phone) {
    }

    record OfficerJson(String userId, String name, String phone) {
    }

    @GetMapping("/api/officers/{userId}")
    OfficerJson get(@PathVariable String userId, Principal caller) {
        User user = allowed(userId, caller);
        return json(user);
    }

    @PutMapping("/api/officers/{userId}/phone")
    OfficerJson setPhone(@PathVariable String userId, @Valid @RequestBody PhoneRequest request, Principal caller) {
        User user = allowed(userId, caller);
        String phone = request.phone().strip().replaceAll("\\s+", " ");
        SystemAccess.run(() -> identity.setUserInfo(user.getId(), PHONE, phone));
        log.info("Officer {}: work phone set by {}", user.getId(), caller.getName());
        return json(user);
    }

    /** The phone recorded for {@code userId}, if any. */
    Optional<String> phone(String userId) {
        return Optional.ofNullable(SystemAccess.call(() -> identity.getUserInfo(userId, PHONE)))
                .filter(p -> !p.isBlank());
    }

    /** The user, if the caller is that user or an administrator: 403 for anyone else, 404 for an unknown user. */
    private User allowed(String userId, Principal caller) {
        boolean admin = Actors.groups().contains(Role.ADMIN_GROUP);
        if (!admin && !userId.equals(caller.getName())) {
            throw new DossierProblem(HttpStatus.FORBIDDEN, "officer.forbidden");
        }
        User user = SystemAccess.user(identity, userId);
        if (user == null) {
            throw new DossierProblem(HttpStatus.NOT_FOUND, "officer.notFound", userId);
        }
        return user;
    }

    private OfficerJson json(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new OfficerJson(user.getId(), name.isEmpty() ? null : name, phone(user.getId()).orElse(null));
    }
}
