package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.SpecYaml.app;
import static io.remoteappmanager.spec.SpecYaml.doc;
import static io.remoteappmanager.spec.SpecYaml.parse;
import static io.remoteappmanager.spec.SpecYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field rule of the spec format (README's table), each error with its file, line and field. */
class SpecParserFieldRulesTest {

    private static final String HEX64 = "0123456789abcdef".repeat(4);

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice-paraview", "0-x-9", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh"})
    void acceptsNames(String name) {
        assertEquals(List.of(), problems(parse(app(name, "alice"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "-alice", "alice-", "al_ice", "'al ice'", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi"})
    void rejectsNames(String name) {
        String shown = name.replace("'", "");
        assertEquals(List.of("alice.yaml:4: metadata.name: expected " + SpecPatterns.NAME.expected() + ", got \"" + shown + "\""),
                problems(parse(app(name, "alice"))));
    }

    static Stream<List<String>> validSpecs() {
        return Stream.of(
                List.of("user: alice@example.org", "image: ubuntu"),
                List.of("user: Bob.Smith_2", "image: localhost:5000/team/app:1.2-rc_1"),
                List.of("user: '123'", "image: registry.example.org/a__b/c-d--e/f.g@sha256:" + HEX64),
                List.of("user: a", "image: ghcr.io/org/app:latest", "mappingId: My_App.1", "baseUrlPath: /user/a@b.c/"),
                List.of("user: a", "image: b", "urlId: " + HEX64, "containerPort: 1"),
                List.of("user: a", "image: b", "containerPort: 65535", "volumes: {'/srv/a b': {bind: /x, mode: ro}}"),
                List.of("user: a", "image: b", "resources: {memory: 6291456, cpus: 2, pids: 4194304}"),
                List.of("user: a", "image: b", "resources: {memory: 2GiB, cpus: '1.25'}", "suspend: False"),
                List.of("user: a", "image: b", "environment: {_X: '', Y2: 0}", "command: []"),
                List.of("user: a", "image: b", "readiness: {path: /health, period: 1s, timeout: 5m}"),
                List.of("user: a", "image: b", "baseUrlPath: \"/hub/user/c%C3%A9line/~a!$&'()*+,;=:-._/\""),
                List.of("user: a", "image: b", "readiness: {path: '{urlpath}/api/status;v=1'}"),
                List.of("user: a", "image: b", "idleTimeout: 999999h"),
                List.of("user: a", "image: b", "liveness: {}"),
                List.of("user: a", "image: b", "liveness: {path: /, period: 250ms, timeout: 2s, failureThreshold: 100}"),
                List.of("user: a", "image: b", "liveness: {path: \"{urlpath}/api/v1:ping;v=2/%7Euser@x/-._~!$&'()*+,=\"}"));
    }

    @ParameterizedTest
    @MethodSource("validSpecs")
    void acceptsValidValues(List<String> specLines) {
        assertEquals(List.of(), problems(parse(doc("app", specLines.toArray(String[]::new)))));
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                // required fields: blamed on the spec: line (5); values on their own line (6 and 7)
                Arguments.of(List.of("image: b"), "alice.yaml:5: spec.user: required field missing"),
                Arguments.of(List.of("user: alice", "image:"), "alice.yaml:5: spec.image: required field missing"),
                Arguments.of(List.of("user: -alice", "image: b"), "alice.yaml:6: spec.user: expected " + SpecPatterns.USER.expected() + ", got \"-alice\""),
                Arguments.of(List.of("user: " + "a".repeat(65), "image: b"), "alice.yaml:6: spec.user: expected " + SpecPatterns.USER.expected() + ", got \"" + "a".repeat(65) + "\""),
                Arguments.of(List.of("user: [a]", "image: b"), "alice.yaml:6: spec.user: expected " + SpecPatterns.USER.expected() + ", got a list"),
                Arguments.of(List.of("user: a", "image: Simphony/Paraview"), "alice.yaml:7: spec.image: expected " + SpecPatterns.IMAGE.expected() + ", got \"Simphony/Paraview\""),
                Arguments.of(List.of("user: a", "image: 'app:'"), "alice.yaml:7: spec.image: expected " + SpecPatterns.IMAGE.expected() + ", got \"app:\""),
                Arguments.of(List.of("user: a", "image: " + "a".repeat(256)), "alice.yaml:7: spec.image: expected " + SpecPatterns.IMAGE.expected() + ", got \"" + "a".repeat(100) + "...\""));
    }

    static Stream<Arguments> invalidOptionalFields() {
        return Stream.of(
                Arguments.of("replicas: 3", "spec.replicas: unknown field"),
                Arguments.of("mappingId: a/b", "spec.mappingId: expected " + SpecPatterns.MAPPING_ID.expected() + ", got \"a/b\""),
                Arguments.of("mappingId: " + "m".repeat(65), "spec.mappingId: expected " + SpecPatterns.MAPPING_ID.expected() + ", got \"" + "m".repeat(65) + "\""),
                Arguments.of("baseUrlPath: user/alice", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"user/alice\""),
                Arguments.of("baseUrlPath: /user/../admin", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/../admin\""),
                Arguments.of("baseUrlPath: '/user/a b'", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a b\""),
                Arguments.of("baseUrlPath: /user/alice|admin", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/alice|admin\""),
                Arguments.of("baseUrlPath: /user/c\u00e9line", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/c\u00e9line\""),
                Arguments.of("baseUrlPath: /user/a%zz", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a%zz\""),
                Arguments.of("baseUrlPath: /user/a%2", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a%2\""),
                Arguments.of("baseUrlPath: /user/%2e%2E/admin", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/%2e%2E/admin\""),
                Arguments.of("baseUrlPath: /user/.%2e", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/.%2e\""),
                Arguments.of("baseUrlPath: '/user/a?b'", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a?b\""),
                Arguments.of("baseUrlPath: '/user/a#b'", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a#b\""),
                Arguments.of("baseUrlPath: '/user/<b>'", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/<b>\""),
                Arguments.of("baseUrlPath: /user/a\\\\b", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/a\\\\b\""),
                Arguments.of("baseUrlPath: '/user/{a}'", "spec.baseUrlPath: expected " + SpecPatterns.URL_PATH.expected() + ", got \"/user/{a}\""),
                Arguments.of("urlId: ABCDEF12", "spec.urlId: expected " + SpecPatterns.URL_ID.expected() + ", got \"ABCDEF12\""),
                Arguments.of("urlId: abc123", "spec.urlId: expected " + SpecPatterns.URL_ID.expected() + ", got \"abc123\""),
                Arguments.of("containerPort: abc", "spec.containerPort: expected an integer 1..65535, got \"abc\""),
                Arguments.of("containerPort: 0", "spec.containerPort: expected an integer 1..65535, got \"0\""),
                Arguments.of("containerPort: 65536", "spec.containerPort: expected an integer 1..65535, got \"65536\""),
                Arguments.of("containerPort: 0x50", "spec.containerPort: expected an integer 1..65535, got \"0x50\""),
                Arguments.of("containerPort: 80.5", "spec.containerPort: expected an integer 1..65535, got \"80.5\""),
                Arguments.of("volumes: [/srv]", "spec.volumes: expected a mapping of host path to {bind, mode}, got a list"),
                Arguments.of("volumes: {srv: {bind: /x}}", "spec.volumes[srv]: host source must be " + SpecPatterns.HOST_PATH.expected()),
                Arguments.of("volumes: {'/srv:/etc': {bind: /x}}", "spec.volumes[/srv:/etc]: host source must be " + SpecPatterns.HOST_PATH.expected()),
                Arguments.of("volumes: {/srv/../etc: {bind: /x}}", "spec.volumes[/srv/../etc]: host source must be " + SpecPatterns.HOST_PATH.expected()),
                Arguments.of("volumes: {/srv: /x}", "spec.volumes[/srv]: expected {bind: <container path>, mode: ro|rw}, got \"/x\""),
                Arguments.of("volumes: {/srv: {mode: ro}}", "spec.volumes[/srv].bind: required field missing"),
                Arguments.of("volumes: {/srv: {bind: x}}", "spec.volumes[/srv].bind: expected " + SpecPatterns.CONTAINER_PATH.expected() + ", got \"x\""),
                Arguments.of("volumes: {/srv: {bind: /}}", "spec.volumes[/srv].bind: expected " + SpecPatterns.CONTAINER_PATH.expected() + ", got \"/\""),
                Arguments.of("volumes: {/srv: {bind: /x, mode: rx}}", "spec.volumes[/srv].mode: expected ro or rw, got \"rx\""),
                Arguments.of("volumes: {/srv: {bind: /x, propagation: shared}}", "spec.volumes[/srv].propagation: unknown field"),
                Arguments.of("volumes: {/a: {bind: /x}, /b: {bind: /x}}", "spec.volumes[/b].bind: /x is already the target of /a"),
                Arguments.of("environment: [A=1]", "spec.environment: expected a mapping of NAME to value, got a list"),
                Arguments.of("environment: {1X: a}", "spec.environment.1X: name must be " + SpecPatterns.ENV_NAME.expected()),
                Arguments.of("environment: {A: ~}", "spec.environment.A: expected a string, got null"),
                Arguments.of("environment: {A: [1]}", "spec.environment.A: expected a string, got a list"),
                Arguments.of("command: ls -l", "spec.command: expected a list of strings, got \"ls -l\""),
                Arguments.of("command: [ls, {a: b}]", "spec.command[1]: expected a string, got a mapping"),
                Arguments.of("resources: 512m", "spec.resources: expected a mapping, got \"512m\""),
                Arguments.of("resources: {memory: lots}", "spec.resources.memory: expected a memory size of at least 6m, such as 512m or 2g, got \"lots\""),
                Arguments.of("resources: {memory: 1m}", "spec.resources.memory: expected a memory size of at least 6m, such as 512m or 2g, got \"1m\""),
                Arguments.of("resources: {cpus: 0}", "spec.resources.cpus: expected a positive number, got \"0\""),
                Arguments.of("resources: {cpus: -1}", "spec.resources.cpus: expected a positive number, got \"-1\""),
                Arguments.of("resources: {cpus: .inf}", "spec.resources.cpus: expected a positive number, got \".inf\""),
                Arguments.of("resources: {pids: 0}", "spec.resources.pids: expected an integer 1..4194304, got \"0\""),
                Arguments.of("resources: {pids: 1.5}", "spec.resources.pids: expected an integer 1..4194304, got \"1.5\""),
                Arguments.of("resources: {gpus: 1}", "spec.resources.gpus: unknown field"),
                Arguments.of("restartPolicy: always", "spec.restartPolicy: expected one of Always, OnFailure, Never, got \"always\""),
                Arguments.of("imagePullPolicy: Sometimes", "spec.imagePullPolicy: expected one of IfNotPresent, Always, Never, got \"Sometimes\""),
                Arguments.of("suspend: yes", "spec.suspend: expected true or false, got \"yes\""),
                Arguments.of("suspend: maybe", "spec.suspend: expected true or false, got \"maybe\""),
                Arguments.of("suspend: 'true'", "spec.suspend: expected true or false, got \"true\""),
                Arguments.of("readiness: {period: 0s}", "spec.readiness.period: expected " + SpecPatterns.DURATION.expected() + ", got \"0s\""),
                Arguments.of("readiness: {timeout: 30}", "spec.readiness.timeout: expected " + SpecPatterns.DURATION.expected() + ", got \"30\""),
                Arguments.of("readiness: {path: health}", "spec.readiness.path: expected " + SpecPatterns.READINESS_PATH.expected() + ", got \"health\""),
                Arguments.of("readiness: {path: '{urlpath}/a|b'}", "spec.readiness.path: expected " + SpecPatterns.READINESS_PATH.expected() + ", got \"{urlpath}/a|b\""),
                Arguments.of("readiness: {command: ls}", "spec.readiness.command: unknown field"),
                Arguments.of("idleTimeout: 0s", "spec.idleTimeout: expected " + SpecPatterns.IDLE_TIMEOUT.expected() + ", got \"0s\""),
                Arguments.of("idleTimeout: 500ms", "spec.idleTimeout: expected " + SpecPatterns.IDLE_TIMEOUT.expected() + ", got \"500ms\""),
                Arguments.of("idleTimeout: 30", "spec.idleTimeout: expected " + SpecPatterns.IDLE_TIMEOUT.expected() + ", got \"30\""),
                Arguments.of("idleTimeout: 1d", "spec.idleTimeout: expected " + SpecPatterns.IDLE_TIMEOUT.expected() + ", got \"1d\""),
                Arguments.of("placement: [node.role == worker]", "spec.placement: expected a mapping, got a list"),
                Arguments.of("placement: {constraints: node.role == worker}",
                        "spec.placement.constraints: expected a list of constraints, got \"node.role == worker\""),
                Arguments.of("placement: {constraints: ['node.role = worker']}",
                        "spec.placement.constraints[0]: expected " + SpecPatterns.CONSTRAINT.expected() + ", got \"node.role = worker\""),
                Arguments.of("placement: {constraints: ['== worker']}",
                        "spec.placement.constraints[0]: expected " + SpecPatterns.CONSTRAINT.expected() + ", got \"== worker\""),
                Arguments.of("placement: {preferences: [spread=node.labels.zone]}",
                        "spec.placement.preferences[0]: expected {spread: <node attribute or label>}, got \"spread=node.labels.zone\""),
                Arguments.of("placement: {preferences: [{spread: 'node labels'}]}",
                        "spec.placement.preferences[0].spread: expected " + SpecPatterns.SPREAD.expected() + ", got \"node labels\""),
                Arguments.of("placement: {preferences: [{}]}", "spec.placement.preferences[0].spread: required field missing"),
                Arguments.of("placement: {replicas: 2}", "spec.placement.replicas: unknown field"),
                Arguments.of("liveness: {path: health}", livenessPath("health")),
                Arguments.of("liveness: {path: '/a b'}", livenessPath("/a b")),
                Arguments.of("liveness: {path: /a/../b}", livenessPath("/a/../b")),
                Arguments.of("liveness: {path: /a%zz}", livenessPath("/a%zz")),
                Arguments.of("liveness: {path: '/a?b=1'}", livenessPath("/a?b=1")),
                Arguments.of("liveness: {path: '/{x}'}", livenessPath("/{x}")),
                Arguments.of("liveness: {failureThreshold: 0}", "spec.liveness.failureThreshold: expected an integer 1..100, got \"0\""),
                Arguments.of("liveness: {failureThreshold: 101}", "spec.liveness.failureThreshold: expected an integer 1..100, got \"101\""),
                Arguments.of("liveness: {period: 10}", "spec.liveness.period: expected " + SpecPatterns.DURATION.expected() + ", got \"10\""),
                Arguments.of("liveness: {timeout: -1s}", "spec.liveness.timeout: expected " + SpecPatterns.DURATION.expected() + ", got \"-1s\""),
                Arguments.of("liveness: {exec: [true]}", "spec.liveness.exec: unknown field"),
                Arguments.of("liveness: true", "spec.liveness: expected a mapping, got \"true\""));
    }

    private static String livenessPath(String path) {
        return "spec.liveness.path: expected " + SpecPatterns.READINESS_PATH.expected() + ", got \"" + path + "\"";
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void rejectsRequiredFields(List<String> specLines, String expected) {
        assertEquals(List.of(expected), problems(parse(doc("app", specLines.toArray(String[]::new)))));
    }

    @ParameterizedTest
    @MethodSource("invalidOptionalFields")
    void rejectsOptionalFieldsOnTheirLine(String specLine, String expected) {
        assertEquals(List.of("alice.yaml:8: " + expected), problems(parse(app("app", "alice", specLine))));
    }
}
