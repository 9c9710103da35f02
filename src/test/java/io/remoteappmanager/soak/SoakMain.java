package io.remoteappmanager.soak;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import io.remoteappmanager.bench.Results;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.GitRepo;
import io.remoteappmanager.testing.GitServers;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code scripts/soak.sh}: starts the realm's two controllers (the packaged application) on a git daemon's spec
 * repository, CHP and a webhook, lets {@link SoakFaults} loose on them for {@code --minutes}, checks
 * {@link SoakInvariants} every second and samples the processes every minute ({@link SoakSamples}), then mends
 * everything, times the convergence and writes its rows beside the benchmark's (target/bench/results.*). Exits 1 when
 * an invariant was breached or the realm did not converge.
 * <p>Options: {@code --minutes=30 --apps=12 --seed=<n> --faults=kill,edit,delete,readd,force-push,broken-commit,
 * chp-restart,leader-sigkill,leader-sigstop,engine-restart --election=true}; {@code --election=false} runs both
 * controllers acting, which the invariants must catch (each change told twice).
 */
public final class SoakMain {

    static final Duration CONVERGE_LIMIT = Duration.ofMinutes(3);

    private SoakMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "30"));
        int apps = Integer.parseInt(options.getOrDefault("apps", "12"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.currentTimeMillis())));
        Set<SoakFaults.Kind> kinds = Optional.ofNullable(options.get("faults"))
                .map(list -> Arrays.stream(list.split(",")).map(k -> SoakFaults.Kind.valueOf(
                        k.trim().toUpperCase(Locale.ROOT).replace('-', '_'))).collect(Collectors.toSet()))
                .orElse(EnumSet.allOf(SoakFaults.Kind.class));
        boolean election = Boolean.parseBoolean(options.getOrDefault("election", "true"));
        System.out.printf("SOAK %d minutes, %d apps, seed %d, faults %s, leader election %s%n", minutes, apps, seed,
                kinds, election ? "on" : "off");
        System.exit(run(minutes, apps, new Random(seed), kinds, election) ? 0 : 1);
    }

    private static boolean run(int minutes, int apps, Random random, Set<SoakFaults.Kind> kinds, boolean election)
            throws Exception {
        Path work = Files.createTempDirectory("ram-soak-");
        String realm = TestEngine.uniqueRealm("soak");
        Results results = new Results();
        try (GitServers git = GitServers.own("soak", "daemon"); Chp chp = Chp.own("soak");
                WebhookReceiver webhook = WebhookReceiver.start();
                TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", realm))) {
            GitRepo repo = git.newRepo("soak");
            SoakBook book = new SoakBook(repo, random, apps);
            List<String> foreign = foreignContainers(engine.docker, engine.labels);
            Map<String, String> settings = new HashMap<>(chp.settings());
            settings.putAll(Map.of("ram.realm", realm, "ram.source", "git", "ram.git.url", repo.daemonUrl(),
                    "ram.git.interval", "2s", "ram.notify.webhooks[0].url", webhook.url(),
                    "ram.leader-election.enabled", Boolean.toString(election), "ram.leader-election.lock-file",
                    work.resolve("realm.lock").toString(), "ram.docker.host", System.getenv("DOCKER_HOST"),
                    "ram.reconcile.initial-backoff", "2s", "ram.reconcile.max-backoff", "10s"));
            settings.put("ram.stop-timeout", "1s");
            try (SoakControllers controllers = new SoakControllers(Path.of("target/quarkus-app/quarkus-run.jar"),
                    settings, work)) {
                // Ctrl-C or a TERM skips the blocks below: stop what runs for the soak all the same.
                Thread onTerm = new Thread(() -> {
                    controllers.close();
                    removeAll(engine.docker, engine.labels.realmFilter(), foreign);
                    chp.close();
                    git.close();
                });
                Runtime.getRuntime().addShutdownHook(onTerm);
                controllers.startAll();
                Duration first = converge(controllers, engine, book);
                System.out.printf("SOAK first convergence in %d ms%n", first.toMillis());
                SoakInvariants invariants = new SoakInvariants(engine.docker, engine.labels, book, chp, webhook,
                        foreign);
                SoakSamples samples = new SoakSamples(controllers);
                Instant end = Instant.now().plus(Duration.ofMinutes(minutes));
                Duration window = Duration.ofMinutes(Math.min(20, Math.max(1, minutes * 2 / 3)));
                SoakFaults faults = new SoakFaults(random, book, controllers, invariants, engine.docker, engine.labels,
                        chp, kinds, end.minus(window));
                ScheduledExecutorService watch = Executors.newScheduledThreadPool(2);
                try {
                    watch.scheduleWithFixedDelay(invariants::check, 1, 1, TimeUnit.SECONDS);
                    watch.scheduleWithFixedDelay(samples::sample, 0, 1, TimeUnit.MINUTES);
                    while (Instant.now().isBefore(end)) {
                        String fault = faults.next();
                        System.out.printf("SOAK %s fault %s%n", Instant.now(), fault);
                        Thread.sleep(2000 + random.nextInt(4000)); // the pace of the faults
                    }
                    System.out.printf("SOAK %s settle: %s%n", Instant.now(), faults.settle());
                    boolean convergedAtAll = converge(controllers, engine, book).compareTo(CONVERGE_LIMIT) < 0;
                    Duration converged = Duration.between(faults.lastAt(), Instant.now());
                    invariants.check();
                    watch.shutdownNow();
                    samples.sample();

                    results.add("soak", "minutes of faults", minutes, "min");
                    results.add("soak", "faults", faults.done.values().stream().mapToInt(Integer::intValue).sum(), "",
                            "", faults.done.toString());
                    results.add("soak", "invariant breaches", invariants.breaches.size(), "", "0", "");
                    results.add("soak", "convergence after the last fault", converged.toMillis() / 1000.0, "s", "<= 10",
                            "from the last fault to the realm as the last push wants it");
                    samples.report(results, window);
                    invariants.breaches.forEach(b -> System.out.printf("SOAK breach %s %s %s%n", b.at(), b.invariant(),
                            b.detail()));
                    System.out.print(results.table());
                    results.write(Path.of("target/bench"));
                    Runtime.getRuntime().removeShutdownHook(onTerm);
                    return invariants.breaches.isEmpty() && convergedAtAll;
                } finally {
                    // Before the clean-up below removes the foreign containers too: a failed soak must end, and its
                    // checks must not count what the clean-up does.
                    watch.shutdownNow();
                }
            } finally {
                removeAll(engine.docker, engine.labels.realmFilter(), foreign);
            }
        } finally {
            GitRepo.deleteTree(work);
        }
    }

    /**
     * How long until the engine runs exactly the wanted apps, each with its image, and the leader says each is Running
     * (the crashing app only has to exist); {@link #CONVERGE_LIMIT} when it never does.
     */
    private static Duration converge(SoakControllers controllers, TestEngine engine, SoakBook book) {
        long from = System.nanoTime();
        try {
            await().atMost(CONVERGE_LIMIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> converged(controllers, engine, book));
            return Duration.ofNanos(System.nanoTime() - from);
        } catch (ConditionTimeoutException never) {
            return CONVERGE_LIMIT;
        }
    }

    private static boolean converged(SoakControllers controllers, TestEngine engine, SoakBook book) {
        Map<AppKey, String> wanted = book.wanted();
        List<Container> containers;
        try {
            containers = engine.docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(engine.labels.realmFilter()).exec();
        } catch (RuntimeException engineDown) {
            return false;
        }
        Map<AppKey, Container> byKey = containers.stream().filter(c -> engine.labels.appKey(c.getLabels()).isPresent())
                .collect(Collectors.toMap(c -> engine.labels.appKey(c.getLabels()).orElseThrow(), c -> c, (a, b) -> a));
        if (containers.size() != wanted.size() || !byKey.keySet().equals(wanted.keySet())) {
            return false;
        }
        Optional<JsonNode> apps = controllers.leader().flatMap(controllers::apps);
        if (apps.isEmpty()) {
            return false;
        }
        Map<String, JsonNode> views = new HashMap<>();
        apps.get().forEach(app -> views.put(app.path("key").asText(), app));
        return wanted.entrySet().stream().filter(w -> !w.getKey().equals(SoakBook.CRASHER)).allMatch(w -> {
            JsonNode view = views.get(w.getKey().toString());
            return view != null && view.path("phase").asText().equals("Running")
                    && byKey.get(w.getKey()).getImage().equals(w.getValue());
        });
    }

    /** A container without labels and one of another realm with an app's labels: neither may be touched. */
    private static List<String> foreignContainers(DockerClient docker, LabelScheme labels) {
        HostConfig always = HostConfig.newHostConfig().withRestartPolicy(RestartPolicy.alwaysRestart());
        String plain = docker.createContainerCmd(TestEngine.HTTPD).withHostConfig(always).exec().getId();
        String other = docker.createContainerCmd(TestEngine.HTTPD).withHostConfig(always)
                .withLabels(Map.of(labels.key(LabelScheme.REALM), "tsoak-other", labels.key(LabelScheme.USER), "u0",
                        labels.key(LabelScheme.MAPPING_ID), "web")).exec().getId();
        List.of(plain, other).forEach(id -> docker.startContainerCmd(id).exec());
        return List.of(plain, other);
    }

    private static void removeAll(DockerClient docker, Map<String, String> realmFilter, List<String> foreign) {
        List<String> ids = new ArrayList<>(foreign);
        docker.listContainersCmd().withShowAll(true).withLabelFilter(realmFilter).exec().forEach(c -> ids.add(c.getId()));
        ids.forEach(id -> {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException gone) {
                // removed already
            }
        });
    }
}
