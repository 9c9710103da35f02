package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code logs NAME} against a stub controller: the query it sends, text copied out as it arrives (a line is printed
 * before the stream ends), and the errors of the other commands.
 */
class LogsCommandTest {

    final StubController controller = new StubController();

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void asksForTailFollowAndPreviousAsText() {
        controller.answer("GET", "/api/v1/apps/bob-web/logs",
                exchange -> StubController.send(exchange, 200, "text/plain", "exit 3\n"));

        CliRun run = CliRun.of("logs", "bob-web", "-f", "--tail", "5", "--previous", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("exit 3\n");
        assertThat(controller.requests).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("tail=5&follow=true&previous=true");
            assertThat(r.accept()).isEqualTo("text/plain");
        });
    }

    @Test
    void withoutOptionsItSendsNoQuery() {
        controller.answer("GET", "/api/v1/apps/bob-web/logs",
                exchange -> StubController.send(exchange, 200, "text/plain", ""));

        CliRun run = CliRun.of("logs", "bob-web", "--server", controller.url());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(controller.requests).singleElement().extracting(StubController.Request::query).isNull();
    }

    @Test
    void followedOutputIsPrintedAsItArrives() throws Exception {
        CountDownLatch secondLine = new CountDownLatch(1);
        controller.answer("GET", "/api/v1/apps/alice-web/logs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("first line\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                secondLine.await(30, TimeUnit.SECONDS);
                body.write("second line\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Cli.run(
                new String[] {"logs", "alice-web", "-f", "--server", controller.url()}, Map.of(),
                new PrintWriter(out), new PrintWriter(err)));

        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().equals("first line\n"));
        assertThat(code).isNotDone();
        secondLine.countDown();
        assertThat(code.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("first line\nsecond line\n");
    }

    @Test
    void anUnknownAppExitsOneNamingIt() {
        controller.json("GET", "/api/v1/apps/nobody/logs", 404, ApiDocuments.error("no app named 'nobody'"))
                .json("GET", "/api/v1/apps/nobody", 404, ApiDocuments.error("no app named 'nobody'"));

        CliRun run = CliRun.of("logs", "nobody", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).contains("app 'nobody' not found on " + controller.url() + ": no app named 'nobody'");
    }

    @Test
    void aControllerWithoutTheLogsEndpointIsToldApartFromAnUnknownApp() {
        controller.json("GET", "/api/v1/apps/bob-web", 200, ApiDocuments.bob().toString());

        CliRun run = CliRun.of("logs", "bob-web", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.FINDING);
        assertThat(run.err()).contains("the controller at " + controller.url() + " has app 'bob-web' but serves no logs")
                .contains("older than this command line");
    }

    @Test
    void aNegativeTailIsAUsageError() {
        CliRun run = CliRun.of("logs", "bob-web", "--tail", "-1", "--server", controller.url());

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("--tail takes a number of lines, 0 or more");
        assertThat(controller.requests).isEmpty();
    }
}
