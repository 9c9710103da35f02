package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code get apps} against a stub controller: the table, the wide table, JSON and YAML, and the filters. */
class GetAppsCommandTest {

    final StubController controller = new StubController().json("GET", "/api/v1/apps", 200, ApiDocuments.apps());

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void tableShowsEachAppsUserPhaseReadinessAndTimeInPhase() {
        CliRun run = CliRun.of("get", "apps", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "NAME        USER    PHASE              READY   SINCE",
                "alice-web   alice   Running            1/1     3h",
                "bob-web     bob     CrashLoopBackOff   0/1     20m");
        assertThat(controller.requests).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/api/v1/apps"))
                .satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void wideAddsImageNodeOrNetworkUrlAndMessage() {
        CliRun run = CliRun.of("get", "apps", "-o", "wide", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^NAME\\s+USER\\s+PHASE\\s+READY\\s+SINCE\\s+IMAGE\\s+NODE/NETWORK\\s+URL\\s+MESSAGE$")
                .containsPattern("(?m)^alice-web\\s+alice\\s+Running\\s+1/1\\s+3h\\s+ram-test/httpd:1\\s+ram-net-1\\s+"
                        + "http://127.0.0.1:32768/user/alice/containers/8f14e45f\\s+container is running and ready$")
                .containsPattern("(?m)^bob-web\\s+bob\\s+CrashLoopBackOff\\s+0/1\\s+20m\\s+ram-test/crash:1\\s+worker-2\\s+"
                        + "/user/bob/containers/1234abcd\\s+keeps exiting \\(3 restarts\\)$");
    }

    @Test
    void jsonGivesTheApisDocumentsWithEveryField() throws Exception {
        CliRun run = CliRun.of("get", "apps", "-o", "json", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode printed = ControllerClient.JSON.readTree(run.out());
        assertThat(printed).isEqualTo(ControllerClient.JSON.readTree(ApiDocuments.apps()));
        assertThat(printed.get(0).get("futureField").asText()).isEqualTo("kept as the controller sent it");
    }

    @Test
    void yamlGivesTheSameDocuments() throws Exception {
        CliRun run = CliRun.of("get", "apps", "-o", "yaml", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("- key: alice/web\n  user: alice\n").doesNotContain("---")
                .contains("  message: keeps exiting (3 restarts)\n").contains("  exitCode: 3\n")
                .containsPattern("(?m)^  lastError: \"?" + Pattern.quote(ApiDocuments.LONG_ERROR) + "\"?$"); // one line
        assertThat(new YAMLMapper().readTree(run.out())).isEqualTo(ControllerClient.JSON.readTree(ApiDocuments.apps()));
    }

    @Test
    void userAndPhaseSelectApps() throws Exception {
        CliRun bob = CliRun.of("get", "apps", "--user", "bob", "--server", controller.url());
        CliRun running = CliRun.of("get", "apps", "--phase", "running", "-o", "json", "--server", controller.url());
        CliRun none = CliRun.of("get", "apps", "--user", "bob", "--phase", "Running", "--server", controller.url());

        assertThat(bob.out().lines()).hasSize(2).last().asString().startsWith("bob-web ");
        assertThat(ControllerClient.JSON.readTree(running.out()).size()).isEqualTo(1);
        assertThat(ControllerClient.JSON.readTree(running.out()).get(0).get("name").asText()).isEqualTo("alice-web");
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("No apps found that match." + System.lineSeparator());
    }

    @Test
    void anUnknownPhaseIsAUsageErrorNamingThePhases() {
        CliRun run = CliRun.of("get", "apps", "--phase", "Runing", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("'Runing'").contains("CrashLoopBackOff");
        assertThat(controller.requests).isEmpty();
    }
}
