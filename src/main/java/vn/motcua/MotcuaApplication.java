package vn.motcua;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Motcua: one-stop handling of administrative dossiers.
 *
 * <p>Top-level packages are modules: {@code catalog} (units and procedures), {@code calendar}
 * (working time), {@code dossier} (the dossier and its history), {@code mail} (templates and
 * idempotent sending), {@code engine} (the only package that talks to Camunda) and {@code web} (HTTP
 * concerns shared by the APIs).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

    public static void main(String[] args) {
        // Deadlines are computed in Asia/Ho_Chi_Minh explicitly; the JVM zone is pinned as well so
        // that nothing (logs, the engine's own dates) depends on the host's setting.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
