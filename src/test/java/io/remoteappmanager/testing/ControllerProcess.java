package io.remoteappmanager.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.Runtimes;
import io.remoteappmanager.config.RamConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A controller in a process of its own, so a test can SIGKILL it mid-work or run it under another clock:
 * {@code main(realm, specsDir, key=value...)} starts a {@link TestController} with those extra settings (on the engine
 * DOCKER_HOST names, or the swarm {@code ram.docker.host} names with {@code ram.runtime=swarm}) and blocks;
 * {@link #launch} starts one. With {@value #CLOCK_FILE} in its environment it writes its wall-clock time to that file
 * every 200 ms, so a test can see the clock it runs under.
 */
public final class ControllerProcess {

    /**
     * How long a launched controller may take to boot and take its lease: a JVM start under the suite's load took
     * over 60 s in a CI run (26 s at load 30 in a benchmark).
     */
    public static final Duration BOOT = Duration.ofMinutes(3);

    /** The environment variable naming the file the process reports its wall clock to. */
    public static final String CLOCK_FILE = "RAM_TEST_CLOCK_FILE";

    private ControllerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> settings = new HashMap<>(Map.of("ram.realm", args[0], "ram.specs.dir", args[1]));
        Arrays.stream(args, 2, args.length).map(s -> s.split("=", 2)).forEach(kv -> settings.put(kv[0], kv[1]));
        RamConfig config = TestEngine.config(settings);
        new TestController(config, Runtimes.connect(config, new SimpleMeterRegistry())).start();
        String clockFile = System.getenv(CLOCK_FILE);
        if (clockFile != null) {
            Executors.newSingleThreadScheduledExecutor().scheduleWithFixedDelay(
                    () -> report(Path.of(clockFile)), 0, 200, TimeUnit.MILLISECONDS);
        }
        System.out.println("controller started on realm " + args[0]);
        new CountDownLatch(1).await();
    }

    /** The wall-clock time a controller process reported to its {@value #CLOCK_FILE}. */
    public static Instant reportedClock(Path clockFile) throws IOException {
        return Instant.parse(Files.readString(clockFile).strip());
    }

    private static void report(Path clockFile) {
        try {
            Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
            Files.writeString(tmp, Instant.now().toString());
            Files.move(tmp, clockFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a controller process on {@code realm} and {@code specs} with this JVM's class path. Its output goes to
     * {@code target/controller-processes/<realm>.log}, not to ours: a test JVM's own stdout and stdin are the channel
     * the build talks to it on, which a child must neither write to nor share.
     */
    public static Process launch(String realm, Path specs) {
        return launch(realm, specs, Map.of(), Map.of());
    }

    /** As {@link #launch(String, Path)}, with extra {@code ram.*} settings and extra environment variables. */
    public static Process launch(String realm, Path specs, Map<String, String> settings, Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                ControllerProcess.class.getName(), realm, specs.toString()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target", "controller-processes")).resolve(realm + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a controller process", e);
        }
    }
}
