package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Resident memory after the same work: the packaged Motcua against a bare engine application (Spring Boot 3.5.7,
 * Camunda 7.24 with its REST API and webapps, history full, one start → user task → end process; its project is
 * {@code src/test/bare}, built here with the project's Maven wrapper), each in a JVM of its own with the same options
 * ({@code -Dbenchmark.jvmOptions}, none by default: the JVM's own sizing, as an operator's {@code java -jar}), each on
 * a fresh H2 file database.
 *
 * <p>The same work over HTTP, {@code benchmark.threads} (8) clients at a time: Motcua files {@code
 * benchmark.memoryDossiers} (1,000) dossiers at the counter ({@code POST /api/dossiers}) and completes their
 * reception, appraisal and approval through the engine REST API as the unit's officers; the bare application starts
 * three times as many instances with six variables and completes their tasks. Each completion looks its task up first
 * ({@code GET /engine-rest/task}) and reads its form ({@code GET /engine-rest/task/{id}/form-variables}), as an
 * officer opening the task in Tasklist does. Then the resident set ({@code VmRSS}) and its peak ({@code VmHWM}) of each JVM are
 * read from {@code /proc}. Goal: Motcua's at most 1.3 times the bare application's.
 *
 * <p>{@code ./mvnw verify -Pmemory} (after the packaged jar is built by the same command). Tag {@code memory}: not part
 * of the normal build.
 */
@Tag("memory")
class MemoryBenchmarkIT {

    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    private static final int DOSSIERS = Integer.getInteger("benchmark.memoryDossiers", 1000);
    private static final String[] JVM_OPTIONS = Arrays.stream(System.getProperty("benchmark.jvmOptions", "").split(" "))
            .filter(option -> !option.isBlank()).toArray(String[]::new);
    private static final AtomicInteger FAILURES = new AtomicInteger();

    @Test
    void motcuaResidentMemoryAgainstTheBareEngineAfterTheSameWork() throws Exception {
        Path bareJar = buildBareApplication();

        long[] bare;
        try (PackagedApp app = PackagedApp.fresh("memory-bare").jar(bareJar, "/engine-rest/engine")
                .jvmOptions(JVM_OPTIONS)) {
            app.env("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + app.folder().resolve("data").resolve("bare")).start();
            long took = System.nanoTime();
            bareWork(Api.at(app.port()));
            System.out.printf("MEMORY bare: %,d instances started and their tasks completed in %.0f s%n", 3 * DOSSIERS,
                    (System.nanoTime() - took) / 1e9);
            bare = residentKb(app.pid());
            nativeMemory("bare", app.pid());
        }

        long[] ours;
        try (PackagedApp app = PackagedApp.fresh("memory-motcua").jvmOptions(JVM_OPTIONS)) {
            app.env("SPRING_DATASOURCE_URL", app.h2Url()).env("SPRING_PROFILES_ACTIVE", "demo").start();
            long took = System.nanoTime();
            motcuaWork(app.port());
            System.out.printf("MEMORY Motcua: %,d dossiers filed, received, appraised and approved in %.0f s%n",
                    DOSSIERS, (System.nanoTime() - took) / 1e9);
            ours = residentKb(app.pid());
            nativeMemory("Motcua", app.pid());
        }

        double ratio = (double) ours[0] / bare[0];
        System.out.printf("MEMORY JVM options: %s; failed requests: %d%n",
                JVM_OPTIONS.length == 0 ? "none (the JVM's own sizing)" : String.join(" ", JVM_OPTIONS), FAILURES.get());
        System.out.printf("MEMORY resident after the work: bare %,d MB (peak %,d MB), Motcua %,d MB (peak %,d MB):"
                + " %.2f× (goal ≤ 1.3×)%n", bare[0] / 1024, bare[1] / 1024, ours[0] / 1024, ours[1] / 1024, ratio);
        assertThat(FAILURES).as("requests that failed").hasValue(0);
        assertThat(ours[0]).isPositive();
        assertThat(bare[0]).isPositive();
    }

    /** Builds {@code src/test/bare} with the project's Maven wrapper, as the README's commands build Motcua. */
    private static Path buildBareApplication() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("motcua.target", "target")).toAbsolutePath().getParent();
        Path project = root.resolve("src/test/bare");
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q", "-f",
                project.resolve("pom.xml").toString(), "package", "-DskipTests"));
        Path log = Files.createTempFile("bare-build", ".log");
        Process build = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("the bare application built within 10 minutes").isTrue();
        assertThat(build.exitValue()).as(Files.readString(log)).isZero();
        Path jar = project.resolve("target/bare-engine.jar");
        assertThat(jar).isRegularFile();
        return jar;
    }

    private static void bareWork(Api bare) throws Exception {
        List<String> instances = Collections.synchronizedList(new ArrayList<>());
        inParallel(3 * DOSSIERS, i -> {
            Api.Response started = bare.post("/engine-rest/process-definition/key/bare/start",
                    Map.of("businessKey", "BARE-" + i, "variables", variables(i)));
            if (started.status() == 200) {
                instances.add(started.json().get("id").asText());
            } else {
                failed(started);
            }
        });
        inParallel(instances.size(), i -> complete(bare, "processInstanceId=" + instances.get(i), Map.of()));
    }

    private static void motcuaWork(int port) throws Exception {
        Api counter = Api.at(port).as("tiepnhan.thuanhoa", "demo");
        Api specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        Api leader = Api.at(port).as("lanhdao.thuanhoa", "demo");
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        inParallel(DOSSIERS, i -> {
            Api.Response filed = counter.post("/api/dossiers", SpeedBenchmarkTest.intake("Hộ kinh doanh " + i));
            if (filed.status() == 201) {
                codes.add(filed.json().get("code").asText());
            } else {
                failed(filed);
            }
        });
        Map<String, Object> approve = Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")));
        String[] steps = {"Task_receptionCheck", "Task_appraise", "Task_approve"};
        Api[] officers = {counter, specialist, leader};
        for (int s = 0; s < steps.length; s++) {
            Api officer = officers[s];
            String step = steps[s];
            inParallel(codes.size(), i -> complete(officer,
                    "processInstanceBusinessKey=" + codes.get(i) + "&taskDefinitionKey=" + step, approve));
        }
    }

    /**
     * Looks the one task up ({@code GET /engine-rest/task?…}), reads its form as Tasklist does when the officer opens
     * it ({@code GET /engine-rest/task/{id}/form-variables}: Motcua builds the dossier panel there) and completes it.
     */
    private static void complete(Api api, String query, Map<String, Object> body) {
        Api.Response found = api.get("/engine-rest/task?" + query);
        if (found.status() != 200 || found.json().size() != 1) {
            failed(found);
            return;
        }
        String task = "/engine-rest/task/" + found.json().get(0).get("id").asText();
        Api.Response form = api.get(task + "/form-variables?deserializeValues=false");
        if (form.status() != 200) {
            failed(form);
            return;
        }
        Api.Response done = api.post(task + "/complete", body);
        if (done.status() != 204) {
            failed(done);
        }
    }

    private static void inParallel(int count, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** VmRSS and VmHWM of the process, in kB. */
    private static long[] residentKb(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return new long[] {field(status, "VmRSS:"), field(status, "VmHWM:")};
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} among the options: where the JVM's memory is, committed (heap,
     * classes, threads, code, GC), from {@code jcmd <pid> VM.native_memory summary}.
     */
    private static void nativeMemory(String name, long pid) throws IOException, InterruptedException {
        if (Arrays.stream(JVM_OPTIONS).noneMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary",
                "scale=MB").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        out.lines().filter(line -> line.matches("^(Total: reserved=.*|-\\s+\\S.*\\(reserved=.*)"))
                .forEach(line -> System.out.printf("MEMORY %s %s%n", name, line.strip()));
        // and what of the heap is alive: used after a full collection (after the resident set was read)
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start()
                .waitFor(1, TimeUnit.MINUTES);
        Process heap = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                .start();
        new String(heap.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("total") && line.contains("used"))
                .forEach(line -> System.out.printf("MEMORY %s heap after a full collection: %s%n", name, line.strip()));
        heap.waitFor(1, TimeUnit.MINUTES);
    }

    private static long field(List<String> status, String name) {
        return status.stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElseThrow();
    }

    private static Map<String, Object> variables(int key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", Map.of("value", "Công dân " + key));
        variables.put("idNumber", Map.of("value", "046" + (100_000_000 + key)));
        variables.put("phone", Map.of("value", "0905000000"));
        variables.put("email", Map.of("value", "bare" + key + "@example.com"));
        variables.put("address", Map.of("value", "Huế"));
        variables.put("procedureCode", Map.of("value", "1.001612"));
        return variables;
    }

    private static void failed(Api.Response response) {
        if (FAILURES.getAndIncrement() < 3) {
            System.out.printf("MEMORY failed request: %d %s%n", response.status(),
                    response.body().substring(0, Math.min(300, response.body().length())));
        }
    }
}
