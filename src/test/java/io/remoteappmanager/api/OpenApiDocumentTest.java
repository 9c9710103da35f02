package io.remoteappmanager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code /q/openapi} describes every {@code /api/v1} endpoint the resources declare (found by their {@code @Path}
 * annotations), with the token scheme and the common errors, so no endpoint can be added without its description.
 */
@QuarkusTest
@Isolated // Quarkus sets the profile's ram.* settings as JVM system properties: no other test may run meanwhile
@TestProfile(NoEngineProfile.class)
class OpenApiDocumentTest {

    @Test
    void everyApiEndpointIsInTheDocument() throws Exception {
        JsonNode document = document();
        List<String> endpoints = endpoints();

        assertThat(endpoints).as("endpoints found by reflection").contains("GET /api/v1/apps/{name}/logs",
                "POST /api/v1/reconcile", "GET /api/v1/events");
        for (String endpoint : endpoints) {
            String[] methodAndPath = endpoint.split(" ", 2);
            assertThat(document.path("paths").path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(Locale.ROOT)))
                    .as("%s is in /q/openapi", endpoint).isTrue();
        }
    }

    @Test
    void theDocumentDeclaresTheTokenAndTheErrors() throws Exception {
        JsonNode document = document();

        JsonNode scheme = document.path("components").path("securitySchemes").path(ApiDocumentFilter.TOKEN);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").toString()).contains(ApiDocumentFilter.TOKEN);
        JsonNode logs = document.path("paths").path("/api/v1/apps/{name}/logs").path("get");
        assertThat(logs.path("responses").fieldNames()).toIterable().contains("200", "400", "401", "404", "429", "503");
        assertThat(logs.path("responses").path("200").path("content").fieldNames()).toIterable()
                .contains("text/plain", "text/event-stream");
        JsonNode app = document.path("paths").path("/api/v1/apps/{name}").path("get").path("responses");
        assertThat(app.path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("AppView");
        assertThat(app.path("404").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("ApiError");
        JsonNode gitHook = document.path("paths").path("/api/v1/hooks/git").path("post");
        assertThat(gitHook.path("security").isArray() && gitHook.path("security").isEmpty())
                .as("the git webhook proves itself by its signature").isTrue();
        assertThat(gitHook.path("responses").fieldNames()).toIterable().contains("202", "401", "403", "404");
    }

    private static JsonNode document() throws IOException {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return new ObjectMapper().readTree(json);
    }

    /** Every resource method's HTTP method and path under /api/v1, from the classes of the api package and below. */
    private static List<String> endpoints() throws IOException, URISyntaxException {
        java.nio.file.Path root = Paths.get(ApiError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.nio.file.Path api = root.resolve(ApiError.class.getPackageName().replace('.', '/'));
        try (Stream<java.nio.file.Path> files = Files.walk(api)) {
            return files.map(f -> root.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .flatMap(OpenApiDocumentTest::endpointsOf)
                    .filter(endpoint -> endpoint.contains(" /api/v1"))
                    .sorted().toList();
        }
    }

    private static Stream<String> endpointsOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        return Stream.of(resource.getMethods()).flatMap(method -> httpMethod(method)
                .map(verb -> verb + " " + join(base, method.isAnnotationPresent(Path.class)
                        ? method.getAnnotation(Path.class).value() : "")).stream());
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    /** The path as OpenAPI writes it: one slash between parts, none at the end, a template's regex left out. */
    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("/$", "");
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
