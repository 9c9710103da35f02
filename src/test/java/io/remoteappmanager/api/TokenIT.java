package io.remoteappmanager.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.remoteappmanager.testing.QuarkusLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** With {@code ram.api.token} set, reads and writes need the bearer token; a refusal is a 401 saying why. */
@QuarkusTest
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ_WRITE) // one application at a time
@TestProfile(TokenProfile.class)
class TokenIT {

    private static final String BEARER = "Bearer " + TokenProfile.TOKEN;

    @Test
    void readsNeedTheToken() {
        given().get("/api/v1/apps").then().statusCode(401).contentType("application/json")
                .body("error", containsString("missing token"));
        given().header("Authorization", "Bearer wrong").get("/api/v1/apps").then().statusCode(401)
                .body("error", equalTo("wrong token in the Authorization header"));
        given().header("Authorization", BEARER).get("/api/v1/apps").then().statusCode(200);
    }

    @Test
    void reconcileNeedsTheToken() {
        given().post("/api/v1/reconcile").then().statusCode(401).body("error", containsString("missing token"));
        given().header("Authorization", BEARER).post("/api/v1/reconcile").then().statusCode(200)
                .body("actions.size()", equalTo(0));
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
