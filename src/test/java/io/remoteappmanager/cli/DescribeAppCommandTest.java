package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code describe app NAME} against a stub controller: every field the issue asks for, and a name it does not know. */
class DescribeAppCommandTest {

    final StubController controller = new StubController()
            .json("GET", "/api/v1/apps/alice-web", 200, ApiDocuments.alice().toString())
            .json("GET", "/api/v1/apps/bob-web", 200, ApiDocuments.bob().toString())
            .json("GET", "/api/v1/apps/nobody", 404,
                    ApiDocuments.error("no app named 'nobody' (see GET /api/v1/apps)"));

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void showsSourceRevisionPhaseAndWhyLastActionAndErrorAndPlacement() {
        CliRun run = CliRun.of("describe", "app", "bob-web", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Name:         bob-web")
                .contains("Source:       bob.yaml (bob-web)")
                .contains("Revision:     4e1d9c2")
                .containsPattern("(?m)^Phase:        CrashLoopBackOff for 20m \\(since .+Z\\)$")
                .contains("Message:      keeps exiting (3 restarts)")
                .contains("Exit code:    3")
                .contains("Node:         worker-2")
                .contains("Network:      <none>")
                .contains("Image digest: <none>")
                .contains("URL:          /user/bob/containers/1234abcd")
                .contains("Last action:  start 20m ago: container exited with 3")
                .contains("Last error:   " + ApiDocuments.LONG_ERROR);
        assertThat(controller.requests).singleElement().extracting(StubController.Request::path)
                .isEqualTo("/api/v1/apps/bob-web");
    }

    @Test
    void showsTheLastTwentyTransitionsOldestFirst() {
        CliRun run = CliRun.of("describe", "app", "bob-web", "--server", controller.url());

        String transitions = run.out().substring(run.out().indexOf("Transitions: (oldest first)"));
        assertThat(transitions.lines().skip(1).findFirst()).hasValueSatisfying(
                header -> assertThat(header).matches("  AGE\\s+FROM\\s+TO\\s+REASON"));
        assertThat(transitions.lines().skip(2)).hasSize(20);
        assertThat(transitions.lines().skip(2).findFirst()).hasValueSatisfying(
                first -> assertThat(first).matches("  \\S+\\s+Running\\s+CrashLoopBackOff\\s+crash #6"));
        assertThat(transitions).doesNotContain("crash #5\n").endsWith("crash #25" + System.lineSeparator());
    }

    @Test
    void showsImageDigestNetworkAndTheDirectUrlOfADockerApp() {
        CliRun run = CliRun.of("describe", "app", "alice-web", "--server", controller.url());

        assertThat(run.out())
                .contains("Image digest: sha256:" + "a".repeat(64))
                .contains("Network:      ram-net-1")
                .contains("Revision:     <none>")
                .contains("URL:          http://127.0.0.1:32768/user/alice/containers/8f14e45f")
                .containsPattern("(?m)^  \\S+\\s+\\(new\\)\\s+Pending\\s+new spec$");
    }

    @Test
    void anUnknownAppExitsOneNamingIt() {
        CliRun run = CliRun.of("describe", "app", "nobody", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: app 'nobody' not found on " + controller.url()
                + ": no app named 'nobody' (see GET /api/v1/apps)" + System.lineSeparator());
    }
}
