package io.remoteappmanager.cli;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The command line as a user runs it, each command a process of its own, against a controller on the real engine
 * with an API token set: {@code reconcile}, {@code get apps}, {@code describe app}, {@code logs} and
 * {@code logs --previous} of a crash-looping app, their errors, and {@code completion bash}.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(CliProfile.class)
class CliAgainstControllerIT {

    /** Each run counts itself in a file the in-place restart keeps, says so on stdout and stderr, and fails. */
    private static final String CRASHING = "command: [/bin/sh, -c, 'n=$(cat /tmp/n 2>/dev/null || echo 0); n=$((n+1));"
            + " echo $n > /tmp/n; echo \"run $n\"; echo \"err $n\" >&2; exit 3']";

    @Inject
    RamConfig config;

    @TestHTTPResource("/")
    URL root;

    @Test
    void reconcileGetAndDescribeShowARunningApp() {
        SpecFiles.write(config.specs().dir(), "alice.yaml", SpecFiles.app("alice-cli", "alice", HTTPD, "mappingId: cli"));

        CliRun reconcile = CliRun.asProcess(environment(), "reconcile");
        assertThat(reconcile.code()).as(reconcile.err()).isZero();
        assertThat(reconcile.out()).containsPattern("(?m)^pass done on " + server() + ": \\d+ action\\(s\\), 1 app\\(s\\)$");
        await().atMost(Duration.ofSeconds(60)).until(this::aliceIsReady);

        CliRun table = CliRun.asProcess(environment(), "get", "apps");
        CliRun yaml = CliRun.asProcess(environment(), "get", "apps", "--user", "alice", "-o", "yaml");
        CliRun describe = CliRun.asProcess(environment(), "describe", "app", "alice-cli");
        CliRun again = CliRun.asProcess(environment(), "reconcile");

        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("(?m)^NAME\\s+USER\\s+PHASE\\s+READY\\s+SINCE$")
                .containsPattern("(?m)^alice-cli\\s+alice\\s+Running\\s+1/1\\s+\\d+[smh]\\S*$");
        assertThat(yaml.out()).contains("name: alice-cli").contains("phase: Running").contains("ready: true");
        assertThat(describe.code()).as(describe.err()).isZero();
        assertThat(describe.out())
                .containsPattern("(?m)^Source:\\s+alice\\.yaml")
                .containsPattern("(?m)^Phase:\\s+Running for ")
                .containsPattern("(?m)^Container:\\s+[0-9a-f]{64}$")
                .containsPattern("(?m)^Image:\\s+" + HTTPD + "$")
                .containsPattern("(?m)^URL:\\s+http://127\\.0\\.0\\.1:\\d+/user/alice/containers/[0-9a-f]+$")
                .containsPattern("(?m)^Last action:\\s+create ")
                .containsPattern("(?m)^  \\S+\\s+\\(new\\)\\s+Pending\\s+");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("pass done on " + server() + ": 0 action(s), 1 app(s)");
    }

    @Test
    void logsShowACrashLoopingAppsCurrentRunAndTheRunsBefore() {
        SpecFiles.write(config.specs().dir(), "carl.yaml", SpecFiles.app("carl-crash", "carl", HTTPD,
                "mappingId: crash", CRASHING, "restartPolicy: Always"));
        await().atMost(Duration.ofSeconds(90)).until(() -> given().header("Authorization", "Bearer " + CliProfile.TOKEN)
                .get("/api/v1/apps/carl-crash/logs?previous=true").then().extract().statusCode() == 200);

        CliRun current = await().atMost(Duration.ofSeconds(60)).until(
                () -> CliRun.asProcess(environment(), "logs", "carl-crash", "--tail", "10"),
                run -> run.code() == 0 && run.out().contains("run "));
        CliRun previous = CliRun.asProcess(environment(), "logs", "carl-crash", "--previous");

        assertThat(current.out()).containsPattern("(?m)^run \\d+$").containsPattern("(?m)^err \\d+$");
        assertThat(previous.code()).as(previous.err()).isZero();
        assertThat(previous.out()).as("the runs before the current one").contains("run 1\n", "err 1\n");
    }

    @Test
    void errorsNameTheAppAndTheToken() {
        CliRun unknown = CliRun.asProcess(environment(), "describe", "app", "nobody");
        CliRun withoutToken = CliRun.asProcess(Map.of("RAM_SERVER", server()), "get", "apps");
        CliRun withOptions = CliRun.asProcess(Map.of(), "get", "apps", "--server", server(), "--token", CliProfile.TOKEN);

        assertThat(unknown.code()).isEqualTo(Cli.FINDING);
        assertThat(unknown.err()).contains("error: app 'nobody' not found on " + server());
        assertThat(withoutToken.code()).isEqualTo(Cli.FINDING);
        assertThat(withoutToken.err()).contains("wants the API token").contains("pass --token or set RAM_API_TOKEN");
        assertThat(withOptions.code()).as(withOptions.err()).isZero();
    }

    @Test
    void completionBashPrintsTheScript() {
        CliRun completion = CliRun.asProcess(Map.of(), "completion", "bash");

        assertThat(completion.code()).as(completion.err()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_remoteappmanager")
                .contains("describe").contains("reconcile");
    }

    private boolean aliceIsReady() {
        return given().header("Authorization", "Bearer " + CliProfile.TOKEN).get("/api/v1/apps/alice-cli")
                .then().extract().jsonPath().getBoolean("ready");
    }

    private String server() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private Map<String, String> environment() {
        return Map.of("RAM_SERVER", server(), "RAM_API_TOKEN", CliProfile.TOKEN);
    }
}
