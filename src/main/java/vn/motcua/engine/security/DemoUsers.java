package vn.motcua.engine.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.cluster.ClusterLock;

/** The demo officers of {@code application-demo.yml}; the demo profile only. */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** Where the officers' work phones are kept ({@code vn.motcua.engine.OfficerPhones}). */
    static final String DEMO_PHONE_KEY = "motcua.phone";

    private final IdentityService identity;
    private final DemoProperties demo;
    private final ClusterLock lock;

    DemoUsers(IdentityService identity, DemoProperties demo, ClusterLock lock) {
        this.identity = identity;
        this.demo = demo;
        this.lock = lock;
    }

    /** Under the identity set-up's cluster lock: nodes starting together create each user and membership once. */
    @Override
    public void run(ApplicationArguments args) {
        lock.holding(IdentityBootstrap.LOCK, this::create);
    }

    private void create() {
        for (DemoProperties.DemoUser u : demo.users()) {
            if (identity.createUserQuery().userId(u.id()).count() == 0) {
                User user = identity.newUser(u.id());
                user.setFirstName(u.firstName());
                user.setLastName(u.lastName());
                user.setEmail(u.email());
                user.setPassword(demo.password());
                identity.saveUser(user);
            }
            if (u.phone() != null && identity.getUserInfo(u.id(), DEMO_PHONE_KEY) == null) {
                identity.setUserInfo(u.id(), DEMO_PHONE_KEY, u.phone());
            }
            for (String group : u.groups()) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    throw new IllegalStateException("Demo user " + u.id() + " names unknown group " + group);
                }
                if (identity.createUserQuery().userId(u.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(u.id(), group);
                }
            }
        }
        log.info("Demo users ready: {}", demo.users().size());
    }
}
