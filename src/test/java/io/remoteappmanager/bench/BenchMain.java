package io.remoteappmanager.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Runs the selected scenarios in one JVM against the engine DOCKER_HOST names (parse, plan and sim need none), prints the table and
 * writes target/bench/results.{json,csv,txt}. A failing scenario is reported and the others still run.
 * Before each scenario that uses the engine, whatever an earlier run left there is removed; when the JVM
 * exits, however it exits short of a SIGKILL, its child processes are killed and everything it made is removed. An
 * engine found stalled while removing is restarted ({@link EngineRecovery}), so one stall fails one scenario only.
 *
 * <p>Arguments: {@code --quick} (sizes / 10),
 * {@code --only=cold,noop,latency,churn,parse,plan,footprint,git,scale,stuck-pull,swarm-cold,sim,logs-follow}, sizes
 * {@code --cold=50,200 --noop=1000 --churn=200 --parse=10000 --plan=10000 --scale=1200 --swarm-cold=20}, the seconds
 * of following {@code --logs-follow=30}, {@code --tries=N} (default 20 for
 * latency and git, 5 for stuck-pull), and
 * {@code --sim=10000,100000} with {@code --sim-pace=5ms,8} (the modelled engine's time per call and calls at once), and
 * {@code --scale-per-network=M} (the scale scenario's {@code ram.docker.max-apps-per-network}; default
 * {@link ScaleBenchmark#perNetwork}), {@code --rounds=R} (cold, churn and swarm-cold: R alternating rounds of the
 * engine's limit and the controller, default 3; {@link PairedRounds}). The swarm scenario runs only when asked for: it
 * needs the test swarm of scripts/swarm.sh; so does sim, the controller on a fake engine at up to 100,000 apps
 * ({@link SimBenchmark}), and logs-follow, the packaged controller's log follower on an app that writes 1,000 lines a
 * second ({@link LogsFollowBenchmark}).
 */
public final class BenchMain {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("only", "cold,noop,latency,churn,parse,plan,footprint,git,scale,stuck-pull"),
            Map.entry("cold", "50,200"), Map.entry("noop", "1000"), Map.entry("churn", "200"),
            Map.entry("parse", "10000"), Map.entry("plan", "10000"), Map.entry("scale", "1200"),
            Map.entry("scale-per-network", "auto"), Map.entry("swarm-cold", "20"), Map.entry("rounds", "3"),
            Map.entry("sim", "10000,100000"), Map.entry("sim-pace", "5ms,8"), Map.entry("logs-follow", "30"));
    /** Scenarios sized by {@code --tries}, with their number of tries when it is not given. */
    private static final Map<String, String> TRIES = Map.of("latency", "20", "git", "20", "stuck-pull", "5");
    /** Scenarios that never touch the engine. */
    private static final Set<String> WITHOUT_ENGINE = Set.of("parse", "plan", "sim");

    private BenchMain() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Results results = new Results();
        List<String> only = Arrays.asList(options.get("only").split(","));
        int rounds = Integer.parseInt(options.get("rounds"));
        Map<String, IntConsumer> scenarios = new LinkedHashMap<>();
        scenarios.put("parse", n -> new ParsingBenchmark(results).run(n));
        scenarios.put("plan", n -> new PlanBenchmark(results).run(n));
        scenarios.put("latency", n -> new LatencyBenchmark(results).run(n));
        scenarios.put("git", n -> new GitLatencyBenchmark(results).run(n));
        scenarios.put("cold", n -> new ColdConvergeBenchmark(results, rounds).run(n));
        scenarios.put("churn", n -> new ChurnBenchmark(results, rounds).run(n));
        scenarios.put("noop", n -> new NoOpPassBenchmark(results, only.contains("footprint")).run(n));
        scenarios.put("scale", n -> new ScaleBenchmark(results, options.get("scale-per-network")).run(n));
        scenarios.put("stuck-pull", n -> new StuckPullBenchmark(results).run(n));
        scenarios.put("swarm-cold", n -> new SwarmColdBenchmark(results, rounds).run(n));
        SimPace pace = SimPace.parse(options.get("sim-pace"));
        scenarios.put("sim", n -> new SimBenchmark(results, pace).run(n));
        scenarios.put("logs-follow", n -> new LogsFollowBenchmark(results).run(n));
        if (!WITHOUT_ENGINE.containsAll(only)) {
            Runtime.getRuntime().addShutdownHook(new Thread(BenchMain::cleanUpOnExit, "bench-exit-cleanup"));
        }
        int failures = 0;
        for (Map.Entry<String, IntConsumer> scenario : scenarios.entrySet()) {
            boolean footprintAlone = scenario.getKey().equals("noop") && only.contains("footprint");
            if (!only.contains(scenario.getKey()) && !footprintAlone) {
                continue;
            }
            String sizes = TRIES.containsKey(scenario.getKey())
                    ? options.getOrDefault("tries", TRIES.get(scenario.getKey())) : options.get(scenario.getKey());
            for (String size : sizes.split(",")) {
                int n = Integer.parseInt(size.trim());
                System.out.println("== " + scenario.getKey() + " " + n);
                try {
                    if (!WITHOUT_ENGINE.contains(scenario.getKey())) {
                        cleanBefore(scenario.getKey() + " " + n);
                    }
                    scenario.getValue().accept(n);
                } catch (RuntimeException e) {
                    failures++;
                    e.printStackTrace();
                    results.add(scenario.getKey() + "-" + n, "FAILED", 0, "", "", reason(e));
                    restartIfStalled(e);
                }
            }
        }
        results.write(Path.of("target/bench"));
        System.out.println();
        System.out.print(results.table());
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Removes what an earlier scenario or run left; an engine that stalls meanwhile is restarted first. */
    private static void cleanBefore(String scenario) {
        try {
            Leftovers.ofAnyRun().remove("before " + scenario);
        } catch (EngineSweep.Stalled stalled) {
            EngineRecovery.restart(stalled.getMessage());
            Leftovers.ofAnyRun().remove("before " + scenario + ", after the restart");
        }
    }

    /** A scenario whose clean-up found the engine stalled: restart it now, so the next scenario finds it working. */
    private static void restartIfStalled(RuntimeException failure) {
        if (!EngineSweep.Stalled.in(failure)) {
            return;
        }
        try {
            EngineRecovery.restart("a scenario's clean-up found it stalled");
        } catch (RuntimeException e) {
            System.out.println("== the engine's restart failed: " + e.getMessage());
        }
    }

    /** The failure and whatever failed while cleaning up after it (suppressed by try-with-resources). */
    private static String reason(RuntimeException e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cleanup : e.getSuppressed()) {
            reason.append("; then, cleaning up: ").append(cleanup.getMessage());
        }
        return reason.toString();
    }

    /** Kills what the benchmark started (compose, a packaged controller), stops the controllers, removes all it made. */
    private static void cleanUpOnExit() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        BenchRealm.disconnectControllers();
        BenchSpecs.closeAll();
        try {
            Leftovers.ofAnyRun().remove("at exit");
        } catch (RuntimeException e) {
            System.out.println("== cleanup at exit failed: " + e.getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(DEFAULTS);
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(2, arg.indexOf('='));
                if (!DEFAULTS.containsKey(name) && !name.equals("tries")) {
                    throw new IllegalArgumentException("unknown option " + arg + "; known: tries, " + DEFAULTS.keySet());
                }
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (quick) {
            for (String sized : List.of("cold", "noop", "churn", "parse", "plan", "scale", "sim")) {
                if (options.get(sized).equals(DEFAULTS.get(sized))) {
                    options.put(sized, Arrays.stream(options.get(sized).split(","))
                            .map(s -> String.valueOf(Math.max(4, Integer.parseInt(s.trim()) / 10)))
                            .reduce((a, b) -> a + "," + b).orElseThrow());
                }
            }
        }
        return options;
    }
}
