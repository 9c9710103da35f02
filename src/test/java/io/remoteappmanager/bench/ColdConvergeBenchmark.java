package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.testing.TestController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Scenario 1: N spec files dropped at once into a running controller's empty directory, until all N
 * run; beside it the engine's limit (in alternating rounds with the controller: {@link PairedRounds}) and
 * docker-compose's {@code up -d} (and its no-op) for the same N.
 */
final class ColdConvergeBenchmark {

    private final Results results;
    private final int rounds;

    ColdConvergeBenchmark(Results results, int rounds) {
        this.results = results;
        this.rounds = rounds;
    }

    void run(int n) {
        String scenario = "cold-" + n;
        try (BenchRealm realm = new BenchRealm("cold")) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(i);
            }
            List<ContainerRequest> requests = realm.requests();
            Map<AppKey, String> expected = realm.expected();
            PairedRounds paired = PairedRounds.run(rounds, () -> {
                double engine = realm.limit().createStartAll(requests);
                realm.removeContainers();
                return engine;
            }, () -> {
                double controller = controllerConverge(realm, expected);
                realm.removeContainers();
                return controller;
            });
            paired.report(results, scenario, "engine limit: create+start N (8 parallel)",
                    "controller: N files dropped -> all running", 1.10);
            results.add(scenario, "controller Docker API calls per container", realm.apiCalls() / (n * paired.count()),
                    "calls");

            double engine = paired.engineMedian();
            try (ComposeAnchor compose = new ComposeAnchor(realm.realm(), requests)) {
                double up = compose.up();
                double noop = compose.up();
                results.add(scenario, "docker-compose up -d", up, "ms");
                results.add(scenario, "docker-compose up -d (no-op)", noop, "ms");
                results.add(scenario, "docker-compose / engine limit", up / engine, "x");
                results.add(scenario, "controller / docker-compose", paired.controllerMedian() / up, "x");
            }
        }
    }

    /** Starts a controller on an empty directory, then moves the N prepared files in at once: milliseconds to converge. */
    static double controllerConverge(BenchRealm realm, Map<AppKey, String> expected) {
        Path staged = realm.specs.resolveSibling(realm.specs.getFileName() + "-staged");
        try {
            Files.move(realm.specs, staged);
            Files.createDirectory(realm.specs);
            try (TestController controller = new TestController(realm.engine).start();
                    RealmEvents events = new RealmEvents(realm.observer)) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> controller.loop.lastPassEndedAt().isPresent());
                long start = System.nanoTime();
                List<Path> files;
                try (var listing = Files.list(staged)) {
                    files = listing.toList();
                }
                for (Path f : files) {
                    Files.move(f, realm.specs.resolve(f.getFileName()));
                }
                return (realm.awaitConverged(expected, events) - start) / 1e6;
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the spec files", e);
        }
    }
}
