package io.remoteappmanager.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.policy.SpecPolicy.Ceilings;
import io.remoteappmanager.spec.ParsedFile;
import io.remoteappmanager.spec.SpecParser;
import io.remoteappmanager.testing.SpecFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The policy's rules on parsed specs: images, volume roots (symlinks and .. resolved), system paths, ceilings. */
@Execution(ExecutionMode.CONCURRENT)
class SpecPolicyTest {

    static final Ceilings CEILINGS = new Ceilings(1L << 30, 2.0, 1000);

    @TempDir
    Path tmp;

    @Test
    void imageGlobsKeepStarWithinOnePathPart() {
        SpecPolicy policy = new SpecPolicy(List.of("reg:5000/team/*", "library/httpd:2.?"), List.of(), CEILINGS);
        assertThat(problems(policy, "reg:5000/team/app:1")).isEmpty();
        assertThat(problems(policy, "library/httpd:2.4")).isEmpty();
        assertThat(problems(policy, "reg:5000/team/sub/app:1")).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.POLICY);
            assertThat(p.toString()).startsWith("app.yaml:7: web: image reg:5000/team/sub/app:1 is not allowed");
        });
        assertThat(problems(policy, "other:5000/team/app:1")).hasSize(1);
        assertThat(problems(new SpecPolicy(List.of("**"), List.of(), CEILINGS), "any/where/deep:1")).isEmpty();
    }

    @Test
    void volumesMustLieUnderARootAfterResolvingSymlinks() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("homes"));
        Path outside = Files.createDirectories(tmp.resolve("secret"));
        Files.createDirectories(root.resolve("alice"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        SpecPolicy policy = new SpecPolicy(List.of("**"), List.of(root.toString()), CEILINGS);

        assertThat(problems(policy, "x:1", volume(root.resolve("alice")))).isEmpty();
        assertThat(problems(policy, "x:1", volume(root.resolve("alice/not-yet")))).as("absent, under a root").isEmpty();
        assertThat(messages(policy, volume(root.resolve("escape")))).singleElement().asString()
                .contains("resolves to " + outside.toRealPath()).contains("not under an allowed volume root");
        assertThat(messages(policy, volume(root.resolve("escape/new-dir")))).as("symlinked parent of an absent dir")
                .hasSize(1);
        assertThat(messages(policy, volume(outside))).hasSize(1);
    }

    @Test
    void noRootsMeansNoHostVolumes() {
        SpecPolicy policy = new SpecPolicy(List.of("**"), List.of(), CEILINGS);
        assertThat(messages(policy, volume(tmp))).singleElement().asString().contains("not under an allowed volume root []");
    }

    @Test
    void systemPathsAndSocketsAreRefusedWhateverTheRoots() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("etc-link"), Path.of("/etc"));
        SpecPolicy policy = new SpecPolicy(List.of("**"), List.of("/"), CEILINGS);
        for (String source : List.of("/", "/etc", "/etc/shadow", "/proc/1", "/sys", "/dev/sda", "/var/run/docker.sock",
                "/run/docker.sock", "/var/run", "/srv/api.sock", link.toString(), link + "/ssh")) {
            assertThat(messages(policy, volume(Path.of(source)))).as(source).singleElement().asString()
                    .contains("never bound");
        }
        assertThat(messages(policy, volume(tmp))).as("a plain directory under /").isEmpty();
    }

    @Test
    void aDanglingSymlinkOrLoopIsRefused() throws IOException {
        Files.createSymbolicLink(tmp.resolve("a"), tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), tmp.resolve("a"));
        Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        SpecPolicy policy = new SpecPolicy(List.of("**"), List.of(tmp.toString()), CEILINGS);
        assertThat(messages(policy, volume(tmp.resolve("a/x")))).singleElement().asString().contains("cannot be resolved");
        assertThat(messages(policy, volume(tmp.resolve("dangling")))).singleElement().asString().contains("cannot be resolved");
    }

    @Test
    void resourcesAboveTheCeilingsAreRefused() {
        SpecPolicy policy = new SpecPolicy(List.of("**"), List.of(), CEILINGS);
        assertThat(problems(policy, "x:1", "resources: {memory: 1g, cpus: 2, pids: 1000}")).isEmpty();
        assertThat(problems(policy, "x:1", "resources: {memory: 2g, cpus: 2.5, pids: 1001}")).extracting(SpecProblem::message)
                .containsExactly("web: resources.memory 2147483648 is above ram.policy.max-memory (1073741824)",
                        "web: resources.cpus 2.5 is above ram.policy.max-cpus (2.0)",
                        "web: resources.pids 1001 is above ram.policy.max-pids (1000)");
    }

    private static String volume(Path source) {
        return "volumes: {'" + source + "': {bind: /data, mode: rw}}";
    }

    private static List<String> messages(SpecPolicy policy, String extra) {
        return problems(policy, "x:1", extra).stream().map(SpecProblem::message).toList();
    }

    static List<SpecProblem> problems(SpecPolicy policy, String image, String... extra) {
        return policy.check(spec(image, extra));
    }

    static AppSpec spec(String image, String... extra) {
        ParsedFile parsed = SpecParser.parse("app.yaml",
                SpecFiles.app("web", "alice", image, extra).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.problems()).as("a well-formed spec").isEmpty();
        return parsed.specs().get(0);
    }
}
