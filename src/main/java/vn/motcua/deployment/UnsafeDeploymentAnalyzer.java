package vn.motcua.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused configuration as the settings to give, without a stack trace. */
public class UnsafeDeploymentAnalyzer extends AbstractFailureAnalyzer<UnsafeDeployment> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDeployment cause) {
        return new FailureAnalysis("Motcua refuses to start with this configuration:\n  - "
                + String.join("\n  - ", cause.problems()),
                "Give the settings named above (environment variables or --name=value arguments). The demo users and"
                        + " secrets exist only with --spring.profiles.active=demo, which is refused on a production"
                        + " database.", cause);
    }
}
