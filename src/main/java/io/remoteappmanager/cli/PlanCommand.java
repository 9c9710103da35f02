package io.remoteappmanager.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.app.ToolConfig;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.reconcile.Preview;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.source.git.GitSourceException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plan DIR} or {@code plan --git URL [--ref R] [--path P]}: what a pass would do now against the configured
 * engine and realm (ram.* settings from the environment and application.properties), printed and not done. It
 * builds the controller exactly as the application does, without starting it, and lists the realm once. Back-offs
 * start empty, as after a restart. {@code plan --server [URL]} asks a running controller instead ({@link ServerPlan}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a pass would do for the specs in DIR (or a git ref, --git URL), or with --server what "
        + "a running controller's next pass would do; changes nothing. Exit 0, 1 when the engine, the repository or "
        + "the controller is unreachable (or refuses the token), 2 on a usage error.")
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecSourceOptions source;

    @CommandLine.Option(names = "--realm", paramLabel = "REALM", description = "the realm to plan for (default: ram.realm)")
    String realm;

    @CommandLine.Option(names = "--docker-host", paramLabel = "URL",
            description = "the engine to ask (default: ram.docker.host, else DOCKER_HOST, else the local socket)")
    String dockerHost;

    @CommandLine.Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (server.given()) {
            if (source.given() || realm != null || dockerHost != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server plans with the controller's own "
                        + "specs, realm and engine: give DIR, --git, --realm and --docker-host only without it");
            }
            ServerPlan.print(out, server.client());
            return 0;
        }
        Map<String, String> options = new HashMap<>();
        if (realm != null) {
            options.put("ram.realm", realm);
        }
        if (dockerHost != null) {
            options.put("ram.docker.host", dockerHost);
        }
        ToolConfig config = ToolConfig.load(options);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (SpecSourceOptions.Opened opened = source.open(config);
                ContainerRuntime runtime = config.connect(metrics);
                TimerJobs idle = new TimerJobs(); // a preview is never started: no job is scheduled
                RemoteAppManager controller = config.assemble(runtime, opened.source(), metrics, idle)) {
            out.println("specs: " + opened.name());
            print(out, config, controller.controller().preview());
            return 0;
        } catch (RuntimeFault e) {
            spec.commandLine().getErr().printf("cannot reach the Docker engine at %s: %s%n",
                    config.runtimeAddress(), e.getMessage());
            return Cli.FINDING;
        } catch (GitSourceException e) {
            spec.commandLine().getErr().println("cannot read the git repository: " + e.getMessage());
            return Cli.FINDING;
        }
    }

    private void print(PrintWriter out, ToolConfig config, Preview result) {
        out.printf("realm '%s', %d app(s) desired, %d container(s) observed%n", config.realm(),
                result.desired().apps().size(), result.observed().size());
        result.desired().problems().forEach(p -> out.println("problem: " + p));
        result.plan().warnings().forEach(w -> out.println("warning: " + w));
        for (Decision decision : result.plan().decisions()) {
            out.printf("%-40s %-16s %s%n", decision.key(), decision.phase(), decision.message());
        }
        if (result.plan().isNoop()) {
            out.println("no action: everything is as the specs say");
        }
        for (Action action : result.plan().actions()) {
            out.println("would " + action);
        }
    }
}
