package io.remoteappmanager.api.logs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code GET /api/v1/apps/{name}/logs} on the real engine: a crash-looping app's output, its run before the last
 * restart, a follower that sees a line the app writes at once, and the token it needs even where reads are open.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(LogsProfile.class)
class LogsIT {

    private static final String BEARER = "Bearer " + LogsProfile.TOKEN;
    /** Each run counts itself in a file the in-place restart keeps, says so on stdout and stderr, and fails. */
    private static final String CRASHING = "command: [/bin/sh, -c, 'n=$(cat /tmp/n 2>/dev/null || echo 0); n=$((n+1));"
            + " echo $n > /tmp/n; echo \"run $n\"; echo \"err $n\" >&2; exit 3']";
    private static final String QUIET = "command: [/bin/sh, -c, 'trap \"exit 0\" TERM; echo ready; while true; do sleep 1;"
            + " done']";
    private static final Pattern RUN = Pattern.compile("run (\\d+)");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCrashLoopingAppsOutputAndItsPreviousRunAreReadableWithTheTokenOnly() {
        SpecFiles.write(Path.of(LogsProfile.Realm.specs), "crashy.yaml",
                SpecFiles.app("crashy", "alice", TestEngine.HTTPD, CRASHING, "restartPolicy: Always"));
        await().until(() -> run(logs("crashy", "")) >= 3);

        given().get("/api/v1/apps/crashy").then().statusCode(200); // reads are open here
        given().get("/api/v1/apps/crashy/logs").then().statusCode(401).body("error", containsString("missing token"));
        String previous = logs("crashy", "?previous=true");
        String current = logs("crashy", "");
        assertThat(current).matches("run \\d+\nerr \\d+\n|err \\d+\nrun \\d+\n");
        // one engine keeps every run of a container it restarts in place: before the current start is all of them
        assertThat(previous).as("the runs before the current one").contains("run 1\n", "err 1\n");
        assertThat(lastRun(previous)).isLessThan(run(current));
        String events = given().header("Authorization", BEARER).accept("text/event-stream")
                .get("/api/v1/apps/crashy/logs?previous=true").then().statusCode(200).extract().asString();
        assertThat(events).contains("event: stdout\ndata: run ", "event: stderr\ndata: err ");
    }

    @Test
    void aFollowerSeesANewLineWithinASecond() throws Exception {
        SpecFiles.write(Path.of(LogsProfile.Realm.specs), "quiet.yaml", SpecFiles.app("quiet", "bob", TestEngine.HTTPD, QUIET));
        await().until(() -> logs("quiet", "").contains("ready"));
        given().header("Authorization", BEARER).get("/api/v1/apps/quiet/logs?previous=true").then().statusCode(404)
                .body("error", containsString("no previous output of app 'quiet'"));
        String container = given().get("/api/v1/apps/quiet").then().extract().path("containerId");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest follow = HttpRequest.newBuilder(URI.create(base + "api/v1/apps/quiet/logs?follow=true&tail=1"))
                .header("Authorization", BEARER).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(follow, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo("ready");

        String line = "hello " + UUID.randomUUID();
        try (DockerClient docker = DockerRuntimes.client(io.remoteappmanager.app.FromConfig.engine(
                TestEngine.config(java.util.Map.of())))) {
            String exec = docker.execCreateCmd(container).withCmd("/bin/sh", "-c", "echo '" + line + "' > /proc/1/fd/1")
                    .exec().getId();
            docker.execStartCmd(exec).start().awaitCompletion();
            long written = System.nanoTime();
            assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(line);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);
            System.out.printf("logs follower: a new line arrived %d ms after it was written%n", millis);
            assertThat(millis).as("ms from the write to the follower").isLessThan(1000);
        } finally {
            response.thenAccept(r -> r.body().close());
        }
    }

    private static String logs(String app, String query) {
        return given().header("Authorization", BEARER).get("/api/v1/apps/" + app + "/logs" + query).then()
                .extract().asString();
    }

    private static int lastRun(String output) {
        return RUN.matcher(output).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
    }

    private static int run(String output) {
        Matcher m = RUN.matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
