package io.remoteappmanager.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the project's private engine (scripts/engine.sh) for tests of engine outages. Such
 * tests are skipped when DOCKER_HOST names some other engine, which a test has no business stopping.
 */
public final class PrivateEngine {

    private PrivateEngine() {}

    /** Skips the calling test unless the tests run on the private engine. */
    public static void assumeOwned() {
        String state = System.getenv().getOrDefault("RAM_ENGINE_DIR", "/tmp/ram-engine");
        String ours = "unix://" + Path.of(state, "docker.sock");
        assumeTrue(ours.equals(System.getenv("DOCKER_HOST")), "the tests do not run on the private engine " + ours);
    }

    public static void stop() {
        script("stop");
    }

    public static void start() {
        script("start");
    }

    /**
     * Stops the engine hard, its containers with it, and starts it again: for an engine that no longer removes
     * containers after being stopped mid-start (dockerd 20.10 leaves them "Removal In Progress").
     */
    public static void recover() {
        script("recover");
    }

    private static void script(String verb) {
        try {
            Process p = new ProcessBuilder("bash", "scripts/engine.sh", verb).inheritIO().start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/engine.sh " + verb + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/engine.sh " + verb, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
