package vn.motcua.deployment;

import java.util.List;

/** The configuration would run the application with the demo's accounts or secrets, or without any. */
class UnsafeDeployment extends RuntimeException {

    private final List<String> problems;

    UnsafeDeployment(List<String> problems) {
        super("Motcua refuses to start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
