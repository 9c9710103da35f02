package io.remoteappmanager.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * In swarm mode an app's output is read through the manager from the worker node that ran it: the service's logs,
 * stderr marked, and with {@code previous=true} the task before the current one.
 */
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmLogsIT {

    private static final AppKey CRASHING = new AppKey("alice", "crash");
    private static final String LINE = "ram-test/crash: exiting with code 1";

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();

    @Test
    void theOutputOfAnAppOnAWorkerIsReadableWithItsPreviousTask() {
        TestSwarm swarm = realms.swarm();
        SwarmRealm realm = realms.create("slogs", Map.of("ram.swarm.placement.constraints", "node.role == worker"));
        realm.writeApp("alice-crash", "alice", swarm.crash, "mappingId: crash");

        try (TestController controller = realm.controller()) {
            // between two runs the swarm's new task waits for its restart delay on no node yet: wait for one it placed
            AppStatus looping = await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(CRASHING).orElse(null),
                    s -> s != null && s.phase() == Phase.CrashLoopBackOff && s.node().isPresent());
            assertThat(looping.node()).as("a worker ran it").isPresent().get().isNotEqualTo("ram-swarm-1");
            AppLogs logs = new AppLogs(controller.status, controller.app.runtime(),
                    new AppLogs.Settings(100, 1, Duration.ofSeconds(30)));

            await().atMost(SwarmRealm.CONVERGE).until(() -> read(logs, false, LogFormat.PLAIN),
                    out -> out.split(LINE, -1).length - 1 >= 2);
            assertThat(read(logs, false, LogFormat.EVENTS)).contains("event: stderr\ndata: " + LINE + "\n\n");
            assertThat(read(logs, true, LogFormat.PLAIN)).as("the task before the current one").isEqualTo(LINE + "\n");
        }
    }

    private static String read(AppLogs logs, boolean previous, LogFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new LogOutput("alice-crash", logs.open("alice-crash", new LogQuery(100, Optional.empty(), false, previous)),
                    format, Duration.ofSeconds(30)).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).replaceFirst("^: logs of alice-crash\n\n", "");
    }
}
