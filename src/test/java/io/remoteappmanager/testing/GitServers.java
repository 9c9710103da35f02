package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The git servers of scripts/git-servers.sh (git daemon, smart HTTP behind a login, ssh with a key), all serving
 * one folder of bare repositories: the shared instance that scripts/test.sh starts (found through RAM_GIT_*) or,
 * under plain {@code mvn verify}, started here through the script; or an instance of a test's own (own folder and
 * ports) for a test that stops and starts a server.
 */
public final class GitServers implements AutoCloseable {

    public final Path root;
    public final String daemonUrl;
    public final String httpUrl;
    public final String httpUser;
    public final String httpPassword;
    public final String sshUrl;
    public final Path sshKey;
    public final Path knownHosts;
    private final Optional<Map<String, String>> ownInstance;

    static {
        TestLogging.toConsole();
        // The first ssh connection of a JVM loads a crypto provider: seconds on a loaded 2-core machine.
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
    }

    private GitServers(Map<String, String> vars, Optional<Map<String, String>> ownInstance) {
        this.root = Path.of(vars.get("RAM_GIT_ROOT"));
        this.daemonUrl = vars.get("RAM_GIT_DAEMON_URL");
        this.httpUrl = vars.get("RAM_GIT_HTTP_URL");
        this.httpUser = vars.get("RAM_GIT_HTTP_USER");
        this.httpPassword = vars.get("RAM_GIT_HTTP_PASSWORD");
        this.sshUrl = vars.get("RAM_GIT_SSH_URL");
        this.sshKey = Path.of(vars.get("RAM_GIT_SSH_KEY"));
        this.knownHosts = Path.of(vars.get("RAM_GIT_KNOWN_HOSTS"));
        this.ownInstance = ownInstance;
    }

    /** The servers every test may share (each test makes repositories of its own); started if none is named. */
    public static synchronized GitServers shared() {
        if (System.getenv("RAM_GIT_ROOT") != null) {
            return new GitServers(System.getenv(), Optional.empty());
        }
        script(Map.of(), "start");
        return new GitServers(parse(script(Map.of(), "env")), Optional.empty());
    }

    /** An instance of the test's own with only the named servers (daemon, http, ssh), stopped by {@link #close}. */
    public static GitServers own(String purpose, String... servers) {
        Map<String, String> env = new HashMap<>();
        env.put("RAM_GIT_DIR", "/tmp/ram-git-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("RAM_GIT_DAEMON_PORT", String.valueOf(FreePort.onLoopback()));
        env.put("RAM_GIT_HTTP_PORT", String.valueOf(FreePort.onLoopback()));
        env.put("RAM_GIT_SSH_PORT", String.valueOf(FreePort.onLoopback()));
        script(env, "start", servers);
        return new GitServers(parse(script(env, "env")), Optional.of(env));
    }

    /** A new empty bare repository with branch main, served by every server of this instance. */
    public GitRepo newRepo(String purpose) {
        return GitRepo.create(this, purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Starts (again) the named servers of an own instance. */
    public void start(String... servers) {
        script(ownInstance.orElseThrow(() -> new IllegalStateException("the shared servers are not started by tests")),
                "start", servers);
    }

    /** Stops the named servers of an own instance; its repositories stay. */
    public void stop(String... servers) {
        script(ownInstance.orElseThrow(() -> new IllegalStateException("the shared servers are never stopped by tests")),
                "stop", servers);
    }

    /** Stops an own instance and removes its folder; the shared one keeps running. */
    @Override
    public void close() {
        ownInstance.ifPresent(env -> {
            script(env, "stop");
            GitRepo.deleteTree(Path.of(env.get("RAM_GIT_DIR")));
        });
    }

    private static Map<String, String> parse(String envOutput) {
        Map<String, String> vars = new HashMap<>();
        for (String line : envOutput.split("\n")) {
            for (String word : line.replaceFirst("^export ", "").trim().split(" ")) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    vars.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return vars;
    }

    /** Runs the script and returns its standard output; its log goes to the test's standard error. */
    private static String script(Map<String, String> env, String command, String... servers) {
        List<String> args = new ArrayList<>(List.of("scripts/git-servers.sh", command));
        args.addAll(List.of(servers));
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = process.waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", args) + " exited " + rc + " (env " + env + ")");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run scripts/git-servers.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
