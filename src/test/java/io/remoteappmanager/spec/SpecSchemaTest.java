package io.remoteappmanager.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config/remoteapp.schema.json is generated from the parser's rules ({@link RemoteAppFormat}), and the two agree: both
 * accept the valid samples and both reject the invalid ones.
 */
@Execution(ExecutionMode.CONCURRENT)
class SpecSchemaTest {

    private static final String HEAD = "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: alice-web\n";
    private static final Path SCHEMA_FILE = Path.of("config/remoteapp.schema.json");
    private static final JsonSchema SCHEMA = load();

    @Test
    void theSchemaFileIsGeneratedFromTheParsersRules() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String generated = json.writerWithDefaultPrettyPrinter().writeValueAsString(SchemaWriter.schema()) + "\n";
        if (!json.readTree(generated).equals(json.readTree(SCHEMA_FILE.toFile()))) {
            Path fresh = Path.of("target/remoteapp.schema.json");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, generated);
            Assertions.fail(SCHEMA_FILE + " differs from the rules in spec/RemoteAppFormat: if the rules are right, "
                    + "cp " + fresh + " " + SCHEMA_FILE);
        }
    }

    static Stream<String> valid() {
        return Stream.of(
                HEAD + "spec:\n  user: alice\n  image: ram-test/httpd:1\n",
                HEAD + "spec:\n  user: alice@example.org\n  image: registry.local:5000/team/app:1.2\n  mappingId: Paraview_5.4\n"
                        + "  baseUrlPath: /user/alice\n  urlId: 8f14e45fceea167a\n  containerPort: 8080\n",
                HEAD + "spec:\n  user: alice\n  image: simphony/paraview:5.4\n"
                        + "  volumes:\n    /srv/home/alice: {bind: /workspace, mode: rw}\n    /srv/data: {bind: /data}\n"
                        + "  environment: {THEME: dark, _X1: 'y'}\n  command: [/bin/sh, -c, 'echo hi']\n"
                        + "  resources: {memory: 512m, cpus: 0.5, pids: 256}\n"
                        + "  restartPolicy: OnFailure\n  imagePullPolicy: Never\n  suspend: true\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  idleTimeout: 8h\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement:\n    constraints: ['node.role == worker', 'node.labels.x!=y']\n"
                        + "    preferences: [{spread: node.labels.zone}]\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {constraints: []}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  liveness: {}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  secrets: {DB_PASSWORD: db-password, KEY: {file: k.pem, as: file}}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n"
                        + "  liveness: {path: '{urlpath}/api/ping;v=1', period: 5s, timeout: 800ms, failureThreshold: 2}\n");
    }

    static Stream<String> invalid() {
        return Stream.of(
                HEAD + "spec:\n  image: ram-test/httpd:1\n",
                HEAD + "spec:\n  user: alice\n",
                HEAD.replace("remoteappmanager/v1", "remoteappmanager/v2") + "spec:\n  user: alice\n  image: a\n",
                HEAD.replace("RemoteApp", "Deployment") + "spec:\n  user: alice\n  image: a\n",
                HEAD.replace("alice-web", "Alice_Web") + "spec:\n  user: alice\n  image: a\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  colour: blue\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  secrets: {DB_PASSWORD: ../shadow}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  secrets: {KEY: {file: k, as: volume}}\n",
                HEAD + "extra: 1\nspec:\n  user: alice\n  image: a\n",
                HEAD + "  labels: {}\nspec:\n  user: alice\n  image: a\n",
                HEAD + "spec:\n  user: -alice\n  image: a\n",
                HEAD + "spec:\n  user: alice\n  image: Upper\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  mappingId: 'has space'\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  baseUrlPath: relative/path\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  baseUrlPath: /user/../admin\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  baseUrlPath: /user/alice|admin\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  baseUrlPath: /user/%2e%2e/admin\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  readiness: {path: '{urlpath}/a b'}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  urlId: NOTHEX\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  containerPort: 70000\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  volumes:\n    relative: {bind: /w}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  volumes:\n    /src: {bind: /}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  volumes:\n    /src: {bind: /w, mode: rx}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  volumes:\n    /src: {mode: ro}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  volumes:\n    /src: /w\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  environment: {1BAD: x}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  command: echo hi\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  resources: {cpus: 0}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  resources: {pids: 0}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  resources: {disk: 1g}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  restartPolicy: Sometimes\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  imagePullPolicy: always\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  suspend: 'yes'\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  liveness: {path: '/a b'}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  liveness: {path: /x/../y}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  liveness: {failureThreshold: 0}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  liveness: {exec: x}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  idleTimeout: 500ms\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  idleTimeout: 0s\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {constraints: ['node.role = worker']}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {constraints: node.role==worker}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {preferences: [spread=node.labels.zone]}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {preferences: [{spread: a, pack: b}]}\n",
                HEAD + "spec:\n  user: alice\n  image: a\n  placement: {maxReplicas: 2}\n",
                "- just\n- a list\n");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void bothAccept(String yaml) throws IOException {
        assertThat(SpecParser.parse("sample.yaml", yaml.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        assertThat(schemaErrors(yaml)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void bothReject(String yaml) throws IOException {
        assertThat(SpecParser.parse("sample.yaml", yaml.getBytes(StandardCharsets.UTF_8)).problems()).isNotEmpty();
        assertThat(schemaErrors(yaml)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("exampleDocuments")
    void exampleSpecsMatchTheSchema(String yaml) throws IOException {
        assertThat(schemaErrors(yaml)).isEmpty();
    }

    static Stream<String> exampleDocuments() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config/specs"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream()
                    .flatMap(f -> Stream.of(read(f).split("(?m)^---\\s*$")))
                    .filter(doc -> doc.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#")));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode document = new YAMLMapper().readTree(yaml);
        return SCHEMA.validate(document);
    }

    private static JsonSchema load() {
        try {
            JsonNode schema = new ObjectMapper().readTree(SCHEMA_FILE.toFile());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
