package io.remoteappmanager.bench;

import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.source.git.GitSource;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.GitSettingsBuilder;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Scenario "git": a commit that adds one app until its container runs (the engine's start event), through git daemon,
 * once with polling every second and once with a webhook (the source's refresh, as the webhook resource calls it,
 * right after the commit; the HTTP request itself is left out), beside the engine's own create+start.
 */
final class GitLatencyBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Results results;

    GitLatencyBenchmark(Results results) {
        this.results = results;
    }

    void run(int tries) {
        measure("polling every 1s", Duration.ofSeconds(1), false, tries);
        measure("webhook", Duration.ofHours(1), true, tries);
    }

    private void measure(String mode, Duration interval, boolean webhook, int tries) {
        GitRepo repo = GitServers.shared().newRepo("bench");
        Map<String, String> files = new HashMap<>();
        files.put("seed.yaml", SpecFiles.app("seed", "seed", TestEngine.HTTPD));
        repo.commit("seed", files);
        try (BenchRealm realm = new BenchRealm("git")) {
            Path dir = Files.createTempDirectory("ram-bench-git");
            GitSource source = new GitSource(new GitSettingsBuilder(repo.daemonUrl(), dir).interval(interval).build(),
                    FromConfig.policy(realm.engine.config), new SimpleMeterRegistry());
            try (TestController controller = new TestController(realm.engine, source).start();
                    RealmEvents starts = new RealmEvents(realm.observer)) {
                Awaitility.await().atMost(TIMEOUT).until(() -> source.status().revision().isPresent()
                        && controller.loop.lastPassEndedAt().isPresent());
                starts.awaitStart(new AppKey("seed", "seed"), TIMEOUT);
                Stats stats = new Stats();
                for (int i = 0; i < tries; i++) {
                    String name = String.format("app-%05d", i);
                    files.put(name + ".yaml", SpecFiles.app(name, String.format("u%05d", i), TestEngine.HTTPD));
                    starts.clear();
                    long start = System.nanoTime();
                    repo.commit("add " + name, files);
                    if (webhook) {
                        source.refresh();
                    }
                    stats.addNanos(starts.awaitStart(new AppKey(String.format("u%05d", i), name), TIMEOUT) - start);
                }
                results.add("git", "commit -> running, " + mode + ", median", stats.median(), "ms");
                results.add("git", "commit -> running, " + mode + ", p95", stats.percentile(95), "ms");
            }
            realm.removeContainers();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
