package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code reconcile} and {@code plan --server} against a stub controller: what they send and print, and failures. */
class ReconcileAndServerPlanTest {

    static final String PASS = """
            {"actions": [
               {"kind": "create", "key": "alice/web", "containerId": null, "reason": "no container", "outcome": "done",
                "error": null},
               {"kind": "remove", "key": "zed/orphan", "containerId": "0123456789abcdef", "reason": "no spec",
                "outcome": "failed", "error": "engine timed out"}],
             "apps": [{"key": "alice/web", "phase": "Running", "message": "ok", "actions": []}],
             "warnings": ["pruning withheld"]}""";
    static final String PLAN = """
            {"apps": [{"key": "alice/web", "phase": "Pending", "message": "no container yet", "actions": []}],
             "actions": [{"kind": "create", "key": "alice/web", "containerId": null, "reason": "no container",
                          "outcome": null, "error": null}],
             "warnings": [], "problems": ["bad.yaml:3: spec.user: required"]}""";

    final StubController controller = new StubController().json("POST", "/api/v1/reconcile", 200, PASS)
            .json("GET", "/api/v1/plan", 200, PLAN);

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void reconcilePostsAndPrintsEachActionWithItsOutcome() {
        CliRun run = CliRun.of("reconcile", "--server", controller.url(), "--token", "t");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "warning: pruning withheld",
                "create alice/web: no container -> done",
                "remove zed/orphan [0123456789ab]: no spec -> failed: engine timed out",
                "pass done on " + controller.url() + ": 2 action(s), 1 app(s)");
        assertThat(controller.requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.authorization()).isEqualTo("Bearer t");
        });
    }

    @Test
    void aPassTheControllerCannotRunExitsOneWithItsReason() {
        controller.json("POST", "/api/v1/reconcile", 503,
                ApiDocuments.error("Docker engine unreachable, nothing done: connection refused"));

        CliRun run = CliRun.of("reconcile", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).contains("answered HTTP 503: Docker engine unreachable, nothing done");
    }

    @Test
    void planServerPrintsTheControllersPlanAsTheOfflinePlanDoes() {
        CliRun run = CliRun.with(Map.of("RAM_SERVER", controller.url()), "plan", "--server");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("server: " + controller.url() + ", 1 app(s)")
                .contains("problem: bad.yaml:3: spec.user: required")
                .containsPattern("(?m)^alice/web\\s+Pending\\s+no container yet$")
                .containsPattern("(?m)^would create alice/web: no container$");
        assertThat(controller.requests).singleElement().extracting(StubController.Request::path)
                .isEqualTo("/api/v1/plan");
    }

    @Test
    void planServerWithASpecDirectoryIsAUsageError() {
        CliRun run = CliRun.of("plan", "--server=" + controller.url(), "config/specs");

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--server plans with the controller's own specs");
        assertThat(controller.requests).isEmpty();
    }
}
