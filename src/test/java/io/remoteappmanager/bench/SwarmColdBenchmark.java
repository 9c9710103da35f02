package io.remoteappmanager.bench;

import io.remoteappmanager.testing.Templates;
import io.remoteappmanager.app.FromConfig;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.swarm.SwarmRuntimes;
import io.remoteappmanager.source.directory.SpecDirectory;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Scenario swarm-cold-N, on the test swarm of scripts/swarm.sh: N spec files dropped at once into a controller in swarm
 * mode until all N services have a running task, beside the engine's own limit (the same N service creates, 8 at a
 * time, straight through docker-java's transport, until all N tasks run), in alternating rounds ({@link PairedRounds})
 * with the app's image already on every node; then how long a drained node takes to have all its apps running
 * elsewhere, by Swarm's task list and by the controller's status.
 */
final class SwarmColdBenchmark {

    /** How often the benchmark reads the task list (its own client: never counted as the controller's). */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CONVERGE = Duration.ofMinutes(10);

    /** What the drain measured: how many apps moved, and milliseconds until Swarm, then the status, had them elsewhere. */
    private record Drain(int apps, double swarmMs, double statusMs) {}

    private final Results results;
    private final int rounds;
    /** The controller's Docker API calls per operation, summed over its rounds (start to convergence). */
    private final Map<String, Double> calls = new TreeMap<>();
    private int controllerRounds;
    private Drain drained;

    SwarmColdBenchmark(Results results, int rounds) {
        this.results = results;
        this.rounds = rounds;
    }

    void run(int n) {
        String scenario = "swarm-cold-" + n;
        TestSwarm swarm = TestSwarm.shared();
        try (SwarmRealm realm = SwarmRealm.create(swarm, "bswarm", Map.of("ram.swarm.task-poll", "2s",
                "ram.reconcile.interval", "30s", "ram.reconcile.initial-backoff", "10s"))) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(String.format("app-%05d", i), String.format("u%05d", i), swarm.httpd);
            }
            warmUp(swarm, realm);
            PairedRounds paired = PairedRounds.run(rounds, () -> {
                double engine = engineLimit(swarm, realm, n);
                removeAll(swarm, realm);
                return engine;
            }, () -> controllerRound(swarm, realm, n));
            paired.report(results, scenario, "engine limit: N service creates (8 parallel) -> all running",
                    "controller: N files dropped -> all running", 1.10);
            double apps = (double) n * paired.count();
            // ping is the event stream's heartbeat, made on a timer and not per app: outside the total, as before.
            results.add(scenario, "controller Docker API calls per app", calls.entrySet().stream()
                    .filter(e -> !e.getKey().equals("ping")).mapToDouble(Map.Entry::getValue).sum() / apps, "calls");
            calls.forEach((operation, count) -> results.add(scenario, "  of which " + operation + " per app", count / apps,
                    "calls", "", operation.equals("ping") ? "not in the total" : ""));
            results.add(scenario, "drain: its " + drained.apps() + " apps running elsewhere (Swarm)", drained.swarmMs(), "ms");
            results.add(scenario, "drain: status shows them Running elsewhere", drained.statusMs(), "ms");
        }
    }

    /**
     * Has every node pull the app's image (a global service of it, until a task runs on each node, then removed): else
     * the first round pays the pulls, and the engine limit, measured first, with them.
     */
    private static void warmUp(TestSwarm swarm, SwarmRealm realm) {
        swarm.activateAll();
        Map<String, String> labels = realm.labels.realmFilter();
        swarm.docker.createServiceCmd(new ServiceSpec().withName(realm.config.realm() + "-warm-up").withLabels(labels)
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(swarm.httpd).withLabels(labels)))
                .withMode(new ServiceModeConfig().withGlobal(new ServiceGlobalModeOptions()))).exec();
        awaitTasks(swarm, realm, tasks -> running(tasks).size() == swarm.nodeAddresses.size());
        removeAll(swarm, realm);
    }

    /** The same N service creates the controller sends, 8 at a time, then until Swarm runs all N tasks. */
    private static double engineLimit(TestSwarm swarm, SwarmRealm realm, int n) {
        ContainerTemplate template = Templates.of(realm.config, realm.runtime.capabilities());
        List<ContainerRequest> requests = new SpecDirectory(realm.specs).read().apps().values().stream()
                .map(spec -> template.request(spec, Actuator.newUrlId())).toList();
        try (EngineClient engine = EngineClient.connect(FromConfig.engine(realm.config), new SimpleMeterRegistry())) {
            long start = System.nanoTime();
            EngineLimit.inParallel(realm.config.reconcile().parallelism(), requests.stream()
                    .<Runnable>map(r -> () -> SwarmRuntimes.createService(engine, FromConfig.swarm(realm.config), r, false)).toList());
            awaitTasks(swarm, realm, tasks -> running(tasks).size() == n);
            return Stats.since(start);
        }
    }

    /**
     * One controller round, its API calls counted up to convergence; the last round's controller, with every app
     * running, then drains a node. The controller stops before its services are removed, so it recreates none.
     */
    private double controllerRound(TestSwarm swarm, SwarmRealm realm, int n) {
        try (TestController controller = new TestController(realm.config, realm.runtime)) {
            Map<String, Double> before = calls(realm);
            double converged = controllerConverge(swarm, realm, controller, n);
            calls(realm).forEach((operation, count) -> calls.merge(operation, count - before.getOrDefault(operation, 0.0),
                    Double::sum));
            if (++controllerRounds == rounds) {
                drained = drain(swarm, realm, controller);
            }
            return converged;
        } finally {
            removeAll(swarm, realm);
        }
    }

    /** A controller on an empty directory; the N files moved in at once; until Swarm runs all N tasks. */
    private static double controllerConverge(TestSwarm swarm, SwarmRealm realm, TestController controller, int n) {
        try {
            Path staged = Files.createTempDirectory("ram-bench-swarm-staged-");
            try (var files = Files.list(realm.specs)) {
                for (Path f : files.toList()) {
                    Files.move(f, staged.resolve(f.getFileName()));
                }
            }
            controller.start();
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> controller.loop.lastPassEndedAt().isPresent());
            long start = System.nanoTime();
            try (var files = Files.list(staged)) {
                for (Path f : files.toList()) {
                    Files.move(f, realm.specs.resolve(f.getFileName()));
                }
            }
            awaitTasks(swarm, realm, tasks -> running(tasks).size() == n);
            double converged = Stats.since(start);
            Files.delete(staged);
            return converged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the spec files", e);
        }
    }

    /** Drains the node running most apps: until Swarm runs them all elsewhere, and until the status says so. */
    private static Drain drain(TestSwarm swarm, SwarmRealm realm, TestController controller) {
        Awaitility.await().atMost(CONVERGE).until(() -> realm.services().stream()
                .allMatch(s -> controller.status.current().all().stream()
                        .anyMatch(a -> a.containerId().filter(s.getId()::equals).isPresent() && a.phase() == Phase.Running)));
        List<Task> before = running(tasks(swarm, realm));
        String busiest = before.stream().collect(Collectors.groupingBy(Task::getNodeId, Collectors.counting())).entrySet()
                .stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> moving = before.stream().filter(t -> t.getNodeId().equals(busiest)).map(Task::getServiceId)
                .collect(Collectors.toSet());
        long start = System.nanoTime();
        swarm.drain(busiest);
        try {
            awaitTasks(swarm, realm, tasks -> {
                List<Task> running = running(tasks);
                return running.size() == before.size() && running.stream().noneMatch(t -> t.getNodeId().equals(busiest));
            });
            double bySwarm = Stats.since(start);
            String drainedAddress = swarm.address(busiest);
            Awaitility.await().atMost(CONVERGE).pollInterval(POLL).until(() -> controller.status.current().all().stream()
                    .filter(a -> a.containerId().filter(moving::contains).isPresent())
                    .allMatch(a -> a.phase() == Phase.Running && a.endpoint().filter(e -> !e.host().equals(drainedAddress))
                            .isPresent()));
            return new Drain(moving.size(), bySwarm, Stats.since(start));
        } finally {
            swarm.activate(busiest);
        }
    }

    private static void removeAll(TestSwarm swarm, SwarmRealm realm) {
        realm.services().forEach(s -> swarm.docker.removeServiceCmd(s.getId()).exec());
        awaitTasks(swarm, realm, List::isEmpty);
    }

    private static void awaitTasks(TestSwarm swarm, SwarmRealm realm, Predicate<List<Task>> done) {
        Awaitility.await().atMost(CONVERGE).pollInterval(POLL).pollDelay(Duration.ZERO)
                .until(() -> tasks(swarm, realm), done::test);
    }

    private static List<Task> tasks(TestSwarm swarm, SwarmRealm realm) {
        return swarm.docker.listTasksCmd().withLabelFilter(realm.labels.realmFilter()).exec();
    }

    private static List<Task> running(List<Task> tasks) {
        return tasks.stream().filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus() != null
                && t.getStatus().getState() == TaskState.RUNNING).toList();
    }

    /** The realm's runtime's Docker API calls so far, per operation. */
    private static Map<String, Double> calls(SwarmRealm realm) {
        return realm.metrics.find("ram.docker.api.calls").counters().stream()
                .collect(Collectors.toMap(c -> c.getId().getTag("operation"), Counter::count, Double::sum));
    }
}
