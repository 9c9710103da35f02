package io.remoteappmanager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.crypto.HmacSha256;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The controller with {@code ram.source=git} end to end: the revision in the status and per app, the webhook of each
 * forge (a good signature fetches at once, a bad or missing one gets 401 and fetches nothing, without the API token
 * either way), the metrics naming the revision, and no credential in the log, the status or the metrics.
 */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(GitProfile.class)
class GitHookIT {

    static final String PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"0000\"}";

    @BeforeEach
    void firstCommitRuns() {
        await().atMost(Duration.ofSeconds(60)).until(() -> status().getString("source.revision") != null
                && "Running".equals(app().getString("phase")));
    }

    @Test
    void theStatusShowsTheSourceAndEachAppTheRevisionItsContainerWasMadeFrom() {
        JsonPath source = status().setRootPath("source");
        assertThat(source.getString("type")).isEqualTo("git");
        assertThat(source.getString("url")).isEqualTo(GitRepoResource.repo.httpUrl());
        assertThat(source.getString("ref")).isEqualTo("main");
        assertThat(source.getString("author")).isEqualTo("Alice Author");
        assertThat(source.getString("fetchedAt")).isNotBlank();
        assertThat(source.getString("lastError")).isNull();
        assertThat(app().getString("revision")).isEqualTo(source.getString("revision"));
    }

    @Test
    void aGitHubPushWithAGoodSignatureFetchesAtOnceAndABadOneGets401AndFetchesNothing() {
        String before = status().getString("source.revision");
        String fetchedBefore = status().getString("source.fetchedAt");
        String next = GitRepoResource.repo.commit("alice on httpd:2",
                Map.of("alice.yaml", SpecFiles.app("alice-web", "alice", TestEngine.HTTPD_V2)));

        hook().header("X-Hub-Signature-256", "sha256=" + hmac("not-the-secret")).body(PUSH).post("/api/v1/hooks/git")
                .then().statusCode(401).body("error", containsString("wrong X-Hub-Signature-256"));
        hook().body(PUSH).post("/api/v1/hooks/git").then().statusCode(401).body("error", containsString("unsigned"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                before.equals(status().getString("source.revision"))
                        && fetchedBefore.equals(status().getString("source.fetchedAt")));

        hook().header("X-GitHub-Event", "push").header("X-Hub-Signature-256", "sha256=" + hmac(GitRepoResource.WEBHOOK_SECRET))
                .body(PUSH).post("/api/v1/hooks/git").then().statusCode(202).body("fetch", containsString("requested"));

        await().until(() -> next.equals(app().getString("revision")) && "Running".equals(app().getString("phase")));
        assertThat(status().getString("source.revision")).isEqualTo(next);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ram_source_revision{revision=\"" + next + "\",type=\"git\"} 1.0")
                .contains("ram_git_fetch_failures_total");
    }

    @Test
    void giteaAndGitLabDeliveriesAreAcceptedByTheirOwnProof() {
        hook().header("X-Gitea-Signature", hmac(GitRepoResource.WEBHOOK_SECRET)).body(PUSH).post("/api/v1/hooks/git")
                .then().statusCode(202);
        hook().header("X-Gitlab-Token", GitRepoResource.WEBHOOK_SECRET).body(PUSH).post("/api/v1/hooks/git")
                .then().statusCode(202);
        hook().header("X-Gitlab-Token", "guess").body(PUSH).post("/api/v1/hooks/git")
                .then().statusCode(401).body("error", containsString("wrong X-Gitlab-Token"));
        hook().header("X-Gitea-Signature", "zz-not-hex").body(PUSH).post("/api/v1/hooks/git").then().statusCode(401);
    }

    @Test
    void noCredentialShowsInTheLogTheStatusOrTheMetrics() throws Exception {
        String everything = String.join("\n", Files.readString(GitRepoResource.logFile),
                authorized().get("/api/v1/status").then().statusCode(200).extract().asString(),
                authorized().get("/api/v1/apps").then().statusCode(200).extract().asString(),
                given().get("/q/metrics").then().statusCode(200).extract().asString());

        assertThat(Files.readString(GitRepoResource.logFile)).contains("git: revision");
        for (String secret : List.of(GitRepoResource.SERVERS.httpPassword, GitRepoResource.WEBHOOK_SECRET,
                GitRepoResource.API_TOKEN)) {
            assertThat(everything).as("shows nowhere").doesNotContain(secret);
        }
    }

    private static RequestSpecification hook() {
        return given().contentType("application/json");
    }

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + GitRepoResource.API_TOKEN);
    }

    private static JsonPath status() {
        return authorized().get("/api/v1/status").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath app() {
        return authorized().get("/api/v1/apps/alice-web").then().extract().jsonPath();
    }

    private static String hmac(String secret) {
        return HexFormat.of().formatHex(HmacSha256.of(secret.getBytes(StandardCharsets.UTF_8),
                PUSH.getBytes(StandardCharsets.UTF_8)));
    }
}
