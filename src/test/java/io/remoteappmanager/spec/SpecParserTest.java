package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.SpecYaml.app;
import static io.remoteappmanager.spec.SpecYaml.doc;
import static io.remoteappmanager.spec.SpecYaml.parse;
import static io.remoteappmanager.spec.SpecYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.Liveness;
import io.remoteappmanager.model.AppSpec.Placement;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.Readiness;
import io.remoteappmanager.model.AppSpec.Resources;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SpecParserTest {

    @Test
    void readsEveryField() {
        ParsedFile parsed = parse(app("alice-paraview", "alice@example.org",
                "mappingId: paraview",
                "baseUrlPath: /hub/user/alice/",
                "urlId: 8f14e45fceea167a",
                "containerPort: 9000",
                "volumes:",
                "  /srv/home/alice: {bind: /workspace, mode: rw}",
                "  /srv/data: {bind: /data, mode: ro}",
                "  /srv/scratch: {bind: /scratch}",
                "environment: {THEME: dark, DEBUG: true, LEVEL: 3, RATIO: 1.50, FLAG: yes, EMPTY: ''}",
                "command: [sh, -c, 'exec app --port 9000']",
                "resources: {memory: 512m, cpus: 0.5, pids: 256}",
                "restartPolicy: OnFailure",
                "imagePullPolicy: Always",
                "suspend: true",
                "readiness: {path: '{urlpath}/api/status', period: 250ms, timeout: 2m}",
                "idleTimeout: 8h",
                "placement: {constraints: ['node.role == worker', 'node.labels.class!=staff'],",
                "            preferences: [{spread: node.labels.zone}]}",
                "liveness: {path: '{urlpath}/api/health', period: 5s, timeout: 500ms, failureThreshold: 4}"));

        assertEquals(List.of(), problems(parsed));
        AppSpec spec = parsed.specs().get(0);
        assertEquals(new AppSpec("alice-paraview", "alice@example.org", "simphony/paraview:5.4", "paraview",
                "/hub/user/alice/", Optional.of("8f14e45fceea167a"), OptionalInt.of(9000),
                Map.of("/srv/home/alice", new VolumeBind("/workspace", "rw"),
                        "/srv/data", new VolumeBind("/data", "ro"),
                        "/srv/scratch", new VolumeBind("/scratch", "rw")),
                Map.of("THEME", "dark", "DEBUG", "true", "LEVEL", "3", "RATIO", "1.50", "FLAG", "yes", "EMPTY", ""),
                List.of("sh", "-c", "exec app --port 9000"),
                new Resources(Optional.of(512L << 20), Optional.of(0.5), Optional.of(256L)),
                RestartPolicy.OnFailure, PullPolicy.Always, true,
                new SpecOrigin("alice.yaml", "alice-paraview", 1).withFieldLines(Map.of("image", 7,
                        "volumes[/srv/home/alice]", 13, "volumes[/srv/data]", 14, "volumes[/srv/scratch]", 15,
                        "resources.memory", 18, "resources.cpus", 18, "resources.pids", 18)),
                new Readiness(Optional.of("{urlpath}/api/status"), Optional.of(Duration.ofMillis(250)),
                        Optional.of(Duration.ofMinutes(2))), Optional.of(Duration.ofHours(8)),
                new Placement(Optional.of(List.of("node.role == worker", "node.labels.class!=staff")),
                        Optional.of(List.of("node.labels.zone"))),
                Optional.of(new Liveness(Optional.of("{urlpath}/api/health"), Optional.of(Duration.ofSeconds(5)),
                        Optional.of(Duration.ofMillis(500)), OptionalInt.of(4))), Map.of()), spec);
        assertEquals(new AppKey("alice@example.org", "paraview"), spec.key());
    }

    @Test
    void appliesDefaults() {
        AppSpec spec = parse(app("paraview", "alice")).specs().get(0);

        assertEquals("paraview", spec.mappingId());
        assertEquals("/user/alice", spec.baseUrlPath());
        assertEquals(Optional.empty(), spec.urlId());
        assertEquals(OptionalInt.empty(), spec.containerPort());
        assertEquals(Map.of(), spec.volumes());
        assertEquals(Map.of(), spec.environment());
        assertEquals(List.of(), spec.command());
        assertEquals(Resources.DEFAULTS, spec.resources());
        assertEquals(RestartPolicy.Always, spec.restartPolicy());
        assertEquals(PullPolicy.IfNotPresent, spec.imagePullPolicy());
        assertFalse(spec.suspend());
        assertEquals(Optional.empty(), spec.idleTimeout());
        assertEquals(Optional.empty(), spec.liveness(), "no liveness section: liveness not checked");
    }

    @Test
    void anEmptyLivenessSectionChecksLivenessWithTheDefaults() {
        AppSpec spec = parse(app("paraview", "alice", "liveness: {}")).specs().get(0);

        assertEquals(Optional.of(Liveness.DEFAULTS), spec.liveness());
        assertTrue(spec.livenessChecked(false));
    }

    @Test
    void nullOrEmptyOptionalFieldsMeanTheDefault() {
        AppSpec spec = parse(app("paraview", "alice", "mappingId:", "containerPort: ~", "volumes:", "suspend: null"))
                .specs().get(0);

        assertEquals("paraview", spec.mappingId());
        assertEquals(OptionalInt.empty(), spec.containerPort());
        assertFalse(spec.suspend());
    }

    @Test
    void scalarsThatLookLikeOtherTypesStayAsWritten() {
        AppSpec spec = parse(app("app", "yes", "mappingId: 0123", "urlId: 12345678")).specs().get(0);

        assertEquals(new AppKey("yes", "0123"), spec.key());
        assertEquals(Optional.of("12345678"), spec.urlId());
    }

    @Test
    void readsEveryDocumentAndSkipsEmptyOnes() {
        String yaml = "---\n---\n# only a comment\n---\n" + app("one", "alice") + "---\n...\n---\n" + app("two", "bob")
                + "---\n";

        ParsedFile parsed = parse(yaml);

        assertEquals(List.of(), problems(parsed));
        assertEquals(List.of(new SpecOrigin("alice.yaml", "one", 5).withFieldLines(Map.of("image", 11)),
                        new SpecOrigin("alice.yaml", "two", 15).withFieldLines(Map.of("image", 21))),
                parsed.specs().stream().map(AppSpec::origin).toList());
    }

    @Test
    void oneInvalidDocumentFailsTheWholeFile() {
        ParsedFile parsed = parse(app("one", "alice") + "---\n" + app("two", "bob", "replicas: 3"));

        assertFalse(parsed.ok());
        assertEquals(List.of(), parsed.specs());
        assertEquals(List.of("alice.yaml:16: spec.replicas: unknown field"), problems(parsed));
    }

    @Test
    void reportsEveryErrorOfADocumentWithItsLine() {
        ParsedFile parsed = parse("apiVersion: remoteappmanager/v2\nkind: RemoteApps\nmetadata:\n  name: Bad_Name\n"
                + "  labels: {}\nspec:\n  image: 'has space'\n  containerPort: abc\nstatus: {}\n");

        assertEquals(List.of(
                "alice.yaml:1: apiVersion: expected \"remoteappmanager/v1\", got \"remoteappmanager/v2\"",
                "alice.yaml:2: kind: expected \"RemoteApp\", got \"RemoteApps\"",
                "alice.yaml:4: metadata.name: expected " + SpecPatterns.NAME.expected() + ", got \"Bad_Name\"",
                "alice.yaml:5: metadata.labels: unknown field",
                "alice.yaml:6: spec.user: required field missing",
                "alice.yaml:7: spec.image: expected " + SpecPatterns.IMAGE.expected() + ", got \"has space\"",
                "alice.yaml:8: spec.containerPort: expected an integer 1..65535, got \"abc\"",
                "alice.yaml:9: status: unknown field"), problems(parsed));
        assertTrue(parsed.problems().stream().allMatch(p -> p.kind() == Kind.INVALID));
    }

    @Test
    void problemsCarryTheAppKeyWhenUserAndMappingIdAreValid() {
        ParsedFile parsed = parse(app("paraview", "alice", "containerPort: 0"));

        assertEquals(Optional.of(new AppKey("alice", "paraview")), parsed.problems().get(0).key());
        assertEquals(Optional.empty(), parse(app("paraview", "-alice")).problems().get(0).key());
    }

    @Test
    void requiresTheTopLevelSections() {
        assertEquals(List.of("alice.yaml:1: apiVersion: required field missing",
                        "alice.yaml:1: kind: required field missing",
                        "alice.yaml:1: metadata: required field missing",
                        "alice.yaml:1: spec: required field missing",
                        "alice.yaml:1: other: unknown field"),
                problems(parse("other: 1\n")));
        assertEquals(List.of("alice.yaml:1: expected a RemoteApp mapping (apiVersion, kind, metadata, spec), got a list"),
                problems(parse("- a\n- b\n")));
        assertEquals(List.of("alice.yaml:1: expected a RemoteApp mapping (apiVersion, kind, metadata, spec), got a plain "
                + "value (not shown)"), problems(parse("root:x:0:0:root:/root:/bin/bash\n")));
        assertEquals(List.of("alice.yaml:4: metadata: expected a mapping, got \"alice\""),
                problems(parse("apiVersion: remoteappmanager/v1\nkind: RemoteApp\nspec: {user: a, image: b}\n"
                        + "metadata: alice\n")));
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        ParsedFile parsed = parse(app("app", "alice", "environment: {A: 1", "command: [x]"));

        assertEquals(1, parsed.problems().size());
        assertEquals(9, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).message().startsWith("invalid YAML: "), parsed.problems().toString());
    }

    @Test
    void duplicateKeysAreRejected() {
        assertEquals(List.of("alice.yaml:8: duplicate key \"user\""), problems(parse(app("app", "alice", "user: bob"))));
    }

    @Test
    void emptyFileHasNoAppsAndNoProblems() {
        ParsedFile parsed = parse("# nothing yet\n");

        assertTrue(parsed.ok());
        assertEquals(List.of(), parsed.specs());
    }

    @Test
    void byteOrderMarkIsAccepted() {
        assertTrue(parse("\uFEFF" + doc("app", "user: a", "image: b")).ok());
    }
}
