package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-off belongs to the spec it punished, as a new pod's restart count starts at zero: an app whose broken
 * version backed off for a while and whose spec is then changed restarts its new container's first crashes after the
 * initial back-off, not after the old spec's.
 */
class BackOffPerSpecIT {

    static final AppKey APP = new AppKey("alice", "crashing");
    static final Pattern RESTARTS = Pattern.compile("container (\\w+) keeps exiting \\((\\d+) restarts\\)");
    /** Enough crash restarts that the next one waits 16 s: the initial back-off (1 s) doubled four times. */
    static final int ACCUMULATED = 5;

    @TempDir
    Path specs;
    TestEngine engine;
    TestController controller;

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void aChangedSpecsFirstCrashRestartsAfterTheInitialBackOffNotTheOldSpecs() {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("backoffspec"),
                "ram.specs.dir", specs.toString(), "ram.specs.debounce", "150ms",
                "ram.reconcile.initial-backoff", "1s", "ram.reconcile.max-backoff", "1m"));
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("crashing", "alice", CRASH));
        controller = new TestController(engine).start();

        await().atMost(Duration.ofSeconds(90)).until(() -> held().filter(h -> h.restarts() >= ACCUMULATED).isPresent());
        String broken = container();

        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("crashing", "alice", CRASH, "environment: {FIXED: \"1\"}"));
        String changed = await().until(this::container, id -> !id.isEmpty() && !id.equals(broken));

        // The old spec's next start is at least 16 s away: the new container, restarted at once on its first crash
        // and after the initial second on its second, shows a count of its own long before that.
        await().atMost(Duration.ofSeconds(8)).until(() -> crashLoopOf(changed).isPresent());
        assertThat(crashLoopOf(changed)).as("the new container's restarts, counted from zero")
                .hasValueSatisfying(n -> assertThat(n).isBetween(1, 2));
    }

    private String container() {
        return controller.app(APP).flatMap(AppStatus::containerId).orElse("");
    }

    /** The container held in CrashLoopBackOff (its short id) and the restarts counted so far, if the app is held. */
    private Optional<Held> held() {
        return controller.app(APP).filter(s -> s.phase() == Phase.CrashLoopBackOff)
                .map(AppStatus::message).map(RESTARTS::matcher).filter(Matcher::find)
                .map(m -> new Held(m.group(1), Integer.parseInt(m.group(2))));
    }

    private Optional<Integer> crashLoopOf(String id) {
        return held().filter(h -> id.startsWith(h.container())).map(Held::restarts);
    }

    record Held(String container, int restarts) {}
}
