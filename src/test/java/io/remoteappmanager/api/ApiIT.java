package io.remoteappmanager.api;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The REST API end to end on the real engine: apps and phases, the seed's lookups, plan, reconcile, errors. */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(ApiProfile.class)
class ApiIT {

    @Inject
    RamConfig config;

    @Inject
    StatusBoard status;

    @Inject
    Scheduler scheduler;

    TestEngine engine;

    @BeforeEach
    void aliceRuns() {
        engine = TestEngine.withConfig(Map.of("ram.realm", config.realm()));
        SpecFiles.write(config.specs().dir(), "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "mappingId: web"));
        given().post("/api/v1/reconcile").then().statusCode(200); // no need to wait for the watcher's debounce
        await().atMost(Duration.ofSeconds(60)).until(() -> app("alice-web").getString("phase"), "Running"::equals);
    }

    @Test
    void appsShowPhaseContainerAndLastAction() {
        SpecFiles.write(config.specs().dir(), "carol-1.yaml", SpecFiles.app("carol-one", "carol", HTTPD, "mappingId: x"));
        SpecFiles.write(config.specs().dir(), "carol-2.yaml", SpecFiles.app("carol-two", "carol", HTTPD, "mappingId: x"));
        SpecFiles.write(config.specs().dir(), "dan.yaml", SpecFiles.app("dan-web", "dan", HTTPD, "restartPolicy: Sometimes"));

        await().until(() -> phases().containsKey("carol/x") && phases().containsKey("dan/dan-web"));
        assertThat(phases()).containsEntry("alice/web", "Running").containsEntry("carol/x", "Conflict")
                .containsEntry("dan/dan-web", "Invalid");
        JsonPath alice = app("alice-web");
        assertThat(alice.getString("source")).startsWith("alice.yaml");
        assertThat(alice.getString("containerId")).isNotBlank();
        assertThat(alice.getString("hostUrl")).startsWith("http://127.0.0.1:");
        assertThat(alice.getString("urlpath")).isEqualTo("/user/alice/containers/" + alice.getString("urlId"));
        assertThat(alice.getString("lastAction")).isEqualTo("create");
        assertThat(alice.getString("lastReason")).isNotBlank();
        assertThat(alice.getString("since")).isNotBlank();

        SpecFiles.delete(config.specs().dir(), "carol-1.yaml");
        SpecFiles.delete(config.specs().dir(), "carol-2.yaml");
        SpecFiles.delete(config.specs().dir(), "dan.yaml");
    }

    @Test
    void thePeriodicWorkRunsAsQuarkusSchedulerJobsAtTheConfiguredIntervals() {
        assertThat(scheduler.getScheduledJobs()).extracting(Trigger::getId)
                .contains("ram-resync", "ram-relist", "ram-engine-heartbeat");
        Duration untilResync = Duration.between(Instant.now(), scheduler.getScheduledJob("ram-resync").getNextFireTime());
        assertThat(untilResync).as("ram.reconcile.interval is 1h in this profile")
                .isGreaterThan(Duration.ofMinutes(30)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void unknownAppIs404WithJsonError() {
        given().get("/api/v1/apps/nobody-here").then().statusCode(404)
                .contentType("application/json").body("error", containsString("no app named 'nobody-here'"));
        given().get("/api/v1/no-such-thing").then().statusCode(404).body("error", containsString("no such API resource"));
    }

    @Test
    void containerLookupsFollowTheSeed() {
        String urlId = app("alice-web").getString("urlId");
        String hostUrl = app("alice-web").getString("hostUrl");

        given().queryParam("user", "alice").queryParam("mappingId", "web").get("/api/v1/containers").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].urlId", equalTo(urlId));
        given().queryParam("urlId", urlId).get("/api/v1/containers").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].user", equalTo("alice"));
        given().queryParam("user", "alice").get("/api/v1/containers").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].mappingId", equalTo("web"));
        given().get("/api/v1/containers").then().statusCode(200).body("urlId", hasItem(urlId));
        given().get("/api/v1/containers/" + urlId).then().statusCode(200)
                .body("hostUrl", equalTo(hostUrl)).body("urlpath", equalTo("/user/alice/containers/" + urlId));
        given().queryParam("user", "nobody").get("/api/v1/containers").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/containers/0123456789abcdef").then().statusCode(404)
                .body("error", containsString("no running container with url id 0123456789abcdef"));
        given().queryParam("urlId", "NOT-HEX").get("/api/v1/containers").then().statusCode(400)
                .body("error", containsString("urlId must be a url id"));
    }

    /**
     * A deleted spec file is applied by the watcher only after its debounce (10 s in this profile: in a loaded CI run
     * more than 2 s passed between the delete and the reconcile), and nothing else triggers a pass meanwhile: in that
     * window the plan shows the removal, and asking for it changes nothing.
     */
    @Test
    void planShowsWhatAPassWouldDoWithoutDoingItAndReconcileDoesIt() {
        SpecFiles.write(config.specs().dir(), "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
        given().post("/api/v1/reconcile").then().statusCode(200);
        // bob's readiness verdict wakes a pass of its own; let it land before the window opens
        await().atMost(Duration.ofSeconds(60)).until(() -> app("bob-web").getString("phase"), "Running"::equals);
        String alice = app("alice-web").getString("containerId");
        List<String> before = containerIds();
        SpecFiles.delete(config.specs().dir(), "alice.yaml");
        var statusBefore = status.current().apps();

        JsonPath plan = given().get("/api/v1/plan").then().statusCode(200).extract().jsonPath();

        assertThat(plan.getList("actions.kind")).containsExactly("remove");
        assertThat(plan.getString("actions[0].key")).isEqualTo("alice/web");
        assertThat(plan.getString("actions[0].reason")).isNotBlank();
        assertThat(plan.getString("apps.find { it.key == 'alice/web' }.phase")).isEqualTo("Removing");
        assertThat(containerIds()).isEqualTo(before).contains(alice);
        assertThat(status.current().apps()).isEqualTo(statusBefore);

        JsonPath done = given().post("/api/v1/reconcile").then().statusCode(200).extract().jsonPath();

        assertThat(done.getList("actions.kind")).containsExactly("remove");
        assertThat(done.getString("actions[0].key")).isEqualTo("alice/web");
        assertThat(done.getString("actions[0].outcome")).isEqualTo("done");
        assertThat(done.getString("actions[0].reason")).isEqualTo(plan.getString("actions[0].reason"));
        assertThat(engine.runtime.inspect(alice)).isEmpty();
        given().get("/api/v1/plan").then().statusCode(200).body("actions.size()", equalTo(0));
    }

    @Test
    void statusHealthAndMetricsReportTheLastPass() {
        given().get("/api/v1/status").then().statusCode(200)
                .body("engineReachable", equalTo(true)).body("finishedAt", notNullValue());
        await().until(() -> given().get("/api/v1/status").jsonPath().getInt("proxy.routes"), routes -> routes >= 1);
        given().get("/api/v1/status").then().body("proxy.enabled", equalTo(true))
                .body("proxy.apiUrl", equalTo(config.proxy().apiUrl().orElseThrow()))
                .body("proxy.lastSyncAt", notNullValue()).body("proxy.lastError", nullValue())
                .body("leader.electionEnabled", equalTo(true)).body("leader.role", equalTo("leader"))
                .body("leader.leader", equalTo(given().get("/api/v1/status").jsonPath().getString("leader.self")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'engine-and-first-pass' }.data.role", equalTo("leader"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^ram_apps\\{phase=\"Running\"[^}]*\\} [1-9]")
                .containsPattern("(?m)^ram_engine_reachable(\\{[^}]*\\})? 1\\.0")
                .containsPattern("(?m)^ram_leader(\\{[^}]*\\})? 1\\.0")
                .containsPattern("(?m)^ram_leader_changes_total(\\{[^}]*\\})? 1\\.0")
                .containsPattern("(?m)^ram_reconcile_queue(\\{[^}]*\\})? ")
                .containsPattern("(?m)^ram_spec_problems(\\{[^}]*\\})? ")
                .containsPattern("(?m)^ram_actions_total\\{.*kind=\"create\".*\\} ")
                .containsPattern("(?m)^ram_reconcile_pass_seconds_count")
                .containsPattern("(?m)^ram_docker_api_calls_total\\{.*operation=\"list\".*\\} ");
    }

    private static JsonPath app(String name) {
        return given().get("/api/v1/apps/" + name).then().extract().jsonPath();
    }

    private static Map<String, String> phases() {
        JsonPath apps = given().get("/api/v1/apps").then().statusCode(200).extract().jsonPath();
        Map<String, String> phases = new TreeMap<>();
        List<String> keys = apps.getList("key");
        List<String> values = apps.getList("phase");
        for (int i = 0; i < keys.size(); i++) {
            phases.put(keys.get(i), values.get(i));
        }
        return phases;
    }

    private List<String> containerIds() {
        return engine.runtime.list(engine.labels.realmFilter()).stream().map(RuntimeContainer::id).sorted().toList();
    }
}
