package io.remoteappmanager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * With the engine unreachable the controller stays alive but not ready, and says why; the API answers
 * with a JSON 503 instead of pretending nothing runs. (The shared engine is never stopped: this
 * application points at a socket that does not exist.)
 */
@QuarkusTest
@Isolated // Quarkus sets the profile's ram.* settings as JVM system properties: no other test may run meanwhile
@TestProfile(NoEngineProfile.class)
class NotReadyTest {

    @Test
    void readinessIsDownNamingTheEngine() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.reason", containsString("Docker engine not trusted since")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/status").then().statusCode(200).body("engineReachable", equalTo(false));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^ram_engine_reachable(\\{[^}]*\\})? 0\\.0");
    }

    @Test
    void engineCallsAnswer503WithTheCause() {
        given().get("/api/v1/plan").then().statusCode(503).contentType("application/json")
                .body("error", containsString("Docker engine unreachable"));
        given().post("/api/v1/reconcile").then().statusCode(503)
                .body("error", containsString("Docker engine unreachable, nothing done"));
        given().get("/api/v1/containers").then().statusCode(503);
    }
}
