package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;

import vn.motcua.MotcuaApplication;

/** Outside the demo profile there is no default administrator password: start-up fails without one. */
class AdminPasswordTest {

    @Test
    void startUpFailsWithoutAnAdminPasswordOutsideTheDemoProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("production-like")
                .run("--spring.datasource.url=jdbc:h2:mem:nopassword;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.process-engine-name=nopassword", "--camunda.bpm.job-execution.enabled=false",
                        "--motcua.admin.password=", "--motcua.survey.secret=" + "s".repeat(32)))
                .satisfies(e -> assertThat(rootMessages(e)).contains("motcua.admin.password"));
    }

    private static String rootMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
