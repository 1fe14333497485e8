package vn.motcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as an operator starts it: {@code java -jar target/motcua-*.jar} in a child JVM,
 * configured by environment variables and arguments only, in a fresh working folder under {@code target/}
 * (so {@code ./data}, the H2 files, attachments and outbox are new), on a free port. Its output goes to
 * {@code output.log} in that folder. {@link #close()} always ends the process.
 *
 * <p>The jar is the one the {@code package} phase built ({@code -Dmotcua.jar}, set by failsafe); these tests
 * run in the {@code integration-test} phase.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("motcua.packaged.timeout", 300));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path folder;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1", "-Xmx768m");
    private Path jarToRun;
    private String readiness = "/actuator/health/readiness";
    private Process process;
    private int port;

    private PackagedApp(Path folder) {
        this.folder = folder;
    }

    /** A fresh working folder {@code target/packaged/<name>-<random>}. */
    public static PackagedApp fresh(String name) {
        Path folder = target().resolve("packaged").resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackagedApp(folder.toAbsolutePath());
    }

    /** Another run in the same working folder (and so on the same H2 database), with no settings yet. */
    public PackagedApp again() {
        return new PackagedApp(folder);
    }

    public PackagedApp env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public PackagedApp arg(String argument) {
        arguments.add(argument);
        return this;
    }

    /** The JVM's options instead of the tests' default ({@code -XX:TieredStopAtLevel=1 -Xmx768m}); none: the JVM's. */
    public PackagedApp jvmOptions(String... options) {
        jvmOptions = List.of(options);
        return this;
    }

    /** Runs this jar instead of Motcua's, ready once {@code readinessPath} answers 200. */
    public PackagedApp jar(Path jar, String readinessPath) {
        jarToRun = jar.toAbsolutePath();
        readiness = readinessPath;
        return this;
    }

    /** The running JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public Path folder() {
        return folder;
    }

    /** The JDBC URL of an H2 file database in the working folder. */
    public String h2Url() {
        return "jdbc:h2:file:" + folder.resolve("data").resolve("motcua");
    }

    public int port() {
        return port;
    }

    public Api api() {
        return Api.at(port);
    }

    /** Starts the jar and waits until it is ready ({@code /actuator/health/readiness} unless named, after start-up); fails with its output if it dies. */
    public PackagedApp start() {
        launch();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + " before answering:\n"
                        + tail());
            }
            if (healthy()) {
                return this;
            }
            sleep(1000);
        }
        close();
        throw new AssertionError("The application did not answer within " + START_TIMEOUT + ":\n" + tail());
    }

    /** Starts the jar and waits, bounded, for it to exit by itself; returns the exit code. */
    public int startAndAwaitExit() {
        launch();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new AssertionError("The application was expected to stop by itself but still runs:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the process wrote, stdout and stderr. */
    public String output() {
        try {
            Path log = folder.resolve("output-" + port + ".log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void launch() {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", (jarToRun == null ? jar() : jarToRun).toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.redirectOutput(folder.resolve("output-" + port + ".log").toFile());
        // only what the test names: none of the caller's own Spring or Motcua settings
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("MOTCUA_")
                || k.startsWith("CAMUNDA_") || k.startsWith("SERVER_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + readiness)).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        String out = output();
        return out.length() > 20_000 ? out.substring(out.length() - 20_000) : out;
    }

    private static Path target() {
        return Path.of(System.getProperty("motcua.target", "target"));
    }

    private static Path jar() {
        String configured = System.getProperty("motcua.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target(), "motcua-*.jar")) {
            for (Path jar : jars) {
                if (!jar.toString().endsWith("-plain.jar") && !jar.toString().endsWith(".original")) {
                    return jar.toAbsolutePath();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No packaged jar in " + target() + ": these tests run in Maven's"
                + " integration-test phase (./mvnw verify), after package");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
