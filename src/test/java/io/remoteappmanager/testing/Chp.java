package io.remoteappmanager.testing;

import io.remoteappmanager.proxy.ChpClient;
import io.remoteappmanager.proxy.ProxyRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real configurable-http-proxy on loopback for tests: the shared one that scripts/test.sh starts (found
 * through RAM_TEST_CHP_* variables) or, when run by plain {@code mvn verify}, started here through
 * scripts/proxy.sh; or a private instance of its own ports and state dir for a test that restarts it.
 */
public final class Chp implements AutoCloseable {

    private static final String DEFAULT_TOKEN = "ram-test-token";

    public final String apiUrl;
    public final String proxyUrl;
    public final String token;
    public final ChpClient client;
    private final Optional<Map<String, String>> ownInstance;

    private Chp(String apiUrl, String proxyUrl, String token, Optional<Map<String, String>> ownInstance) {
        this.apiUrl = apiUrl;
        this.proxyUrl = proxyUrl;
        this.token = token;
        this.client = new ChpClient(apiUrl, token, Duration.ofSeconds(5));
        this.ownInstance = ownInstance;
    }

    /** The CHP every test may share (routes are told apart by realm); started if no variable names one. */
    public static synchronized Chp shared() {
        String api = System.getenv("RAM_TEST_CHP_API_URL");
        if (api != null) {
            return new Chp(api, System.getenv("RAM_TEST_CHP_PROXY_URL"),
                    Optional.ofNullable(System.getenv("CONFIGPROXY_AUTH_TOKEN")).orElse(DEFAULT_TOKEN), Optional.empty());
        }
        Map<String, String> env = Map.of("CONFIGPROXY_AUTH_TOKEN", DEFAULT_TOKEN);
        script(env, "start");
        return new Chp("http://127.0.0.1:8001", "http://127.0.0.1:8000", DEFAULT_TOKEN, Optional.empty());
    }

    /** A CHP of the test's own (own ports and state dir, shared npm install), stopped by {@link #close}. */
    public static Chp own(String purpose) {
        int port = FreePort.onLoopback();
        int apiPort = FreePort.onLoopback();
        Map<String, String> env = new HashMap<>();
        env.put("RAM_CHP_DIR", "/tmp/ram-chp-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("RAM_CHP_INSTALL_DIR", "/tmp/ram-chp");
        env.put("RAM_CHP_PORT", String.valueOf(port));
        env.put("RAM_CHP_API_PORT", String.valueOf(apiPort));
        env.put("CONFIGPROXY_AUTH_TOKEN", DEFAULT_TOKEN);
        Chp chp = new Chp("http://127.0.0.1:" + apiPort, "http://127.0.0.1:" + port, DEFAULT_TOKEN, Optional.of(env));
        chp.start();
        return chp;
    }

    /** The {@code ram.proxy.*} settings that point a controller at this CHP. */
    public Map<String, String> settings() {
        return Map.of("ram.proxy.api-url", apiUrl, "ram.proxy.api-token", token);
    }

    public Optional<ProxyRoute> route(String path) {
        return client.routes().stream().filter(r -> r.path().equals(path)).findFirst();
    }

    public List<ProxyRoute> routes() {
        return client.routes();
    }

    /** Starts (or restarts after {@link #stop}) a private instance, with an empty routing table. */
    public void start() {
        script(ownInstance.orElseThrow(() -> new IllegalStateException("the shared CHP is not started by tests")), "start");
    }

    public void stop() {
        script(ownInstance.orElseThrow(() -> new IllegalStateException("the shared CHP is never stopped by tests")), "stop");
    }

    /** Stops a private instance and removes its state dir; the shared one keeps running. */
    @Override
    public void close() {
        ownInstance.ifPresent(env -> {
            script(env, "stop");
            deleteTree(Path.of(env.get("RAM_CHP_DIR")));
        });
    }

    private static void script(Map<String, String> env, String command) {
        ProcessBuilder builder = new ProcessBuilder("scripts/proxy.sh", command).inheritIO();
        builder.environment().putAll(env);
        try {
            int rc = builder.start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("scripts/proxy.sh " + command + " exited " + rc + " (env " + env + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run scripts/proxy.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
