package io.remoteappmanager.source.directory;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.spec.ParsedFile;
import io.remoteappmanager.spec.SpecParser;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile files (seeded, so a failure reproduces with the seed in its message) beside valid ones:
 * every read returns, memory stays bounded, every problem names a file of the directory, and the valid
 * files still apply; and ten thousand mutated documents through the parser and the policy. Not concurrent: it
 * measures the heap.
 */
class SpecDirectoryFuzzTest {

    static final long SEED = 20261128L;
    static final int ROUNDS = 60;
    static final int HOSTILE_FILES = 50;
    static final int MUTATED_DOCUMENTS = 10_000;
    static final List<AppKey> GOOD = IntStream.range(0, 3).mapToObj(i -> new AppKey("alice", "good-" + i)).toList();

    @TempDir
    Path dir;

    @Test
    void hostileFilesNeverBreakTheReaderAndValidFilesStillApply() throws Exception {
        GOOD.forEach(k -> SpecFiles.write(dir, k.mappingId() + ".yaml", SpecFiles.app(k.mappingId(), "alice", "ram-test/httpd:1")));
        SpecPolicy policy = FromConfig.policy(TestEngine.config(Map.of()));
        SpecDirectory specs = new SpecDirectory(dir, policy);
        int parsedCleanly = 0;
        HostileFiles hostile = new HostileFiles(SEED);
        long heapBefore = usedHeap();
        int written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < HOSTILE_FILES; i++) {
                hostile.write(dir, "h" + i + (i % 2 == 0 ? ".yaml" : ".yml"));
                written++;
            }
            DesiredState state = specs.read();
            String where = "seed " + SEED + ", round " + round;
            assertThat(state.directoryUsable()).as(where).isTrue();
            assertThat(state.apps()).as(where).containsKeys(GOOD.toArray(AppKey[]::new));
            Set<String> names = names();
            assertThat(state.problems()).as(where).allSatisfy(p -> {
                assertThat(names).as("the file a problem names: " + p).contains(p.file());
                assertThat(p.message()).isNotBlank();
            });
            assertThat(state.problems()).as(where + ": the hostile files are reported").hasSizeGreaterThan(HOSTILE_FILES / 4);
            parsedCleanly += assertCleanFilesApplyAsParsed(state, policy, where);
        }
        assertThat(written).isGreaterThanOrEqualTo(3000);
        assertThat(parsedCleanly).as("hostile files that happened to parse (seed %d)", SEED).isPositive();
        assertThat(usedHeap() - heapBefore).as("heap growth after %d hostile files", written).isLessThan(64L << 20);
    }

    /**
     * A regular file with no problem is one that happened to parse: its apps are exactly what the parser makes of its
     * bytes, each from that file and within the policy. Returns how many such hostile files there were.
     */
    private int assertCleanFilesApplyAsParsed(DesiredState state, SpecPolicy policy, String where) throws Exception {
        Set<String> troubled = state.problems().stream().map(SpecProblem::file).collect(Collectors.toSet());
        Map<String, List<AppSpec>> appsByFile = state.apps().values().stream()
                .collect(Collectors.groupingBy(spec -> spec.origin().file()));
        int clean = 0;
        for (int i = 0; i < HOSTILE_FILES; i++) {
            String name = "h" + i + (i % 2 == 0 ? ".yaml" : ".yml");
            Path file = dir.resolve(name);
            if (troubled.contains(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            ParsedFile parsed = SpecParser.parse(name, Files.readAllBytes(file));
            assertThat(parsed.problems()).as(where + ": " + name + " parses alone as in the directory").isEmpty();
            assertThat(appsByFile.getOrDefault(name, List.of())).as(where + ": the apps of " + name)
                    .containsExactlyInAnyOrderElementsOf(parsed.specs());
            assertThat(parsed.specs()).as(where + ": " + name + " is within the policy")
                    .allSatisfy(spec -> assertThat(policy.check(spec)).isEmpty());
            clean++;
        }
        return clean;
    }

    /**
     * Ten thousand mutations of a rich two-document file (bytes flipped, spans cut or doubled, YAML's sharp edges
     * spliced in), each parsed and checked as the directory does: never an exception, and either apps that the policy
     * judges (each refusal with its line) or problems that each name a line of the file.
     */
    @Test
    void mutatedDocumentsGiveAppsWithinThePolicyOrLocatedProblems() {
        SpecPolicy policy = FromConfig.policy(TestEngine.config(Map.of()));
        byte[] original = MutatedSpecs.ORIGINAL.getBytes(StandardCharsets.UTF_8);
        MutatedSpecs mutations = new MutatedSpecs(SEED);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < MUTATED_DOCUMENTS; i++) {
            byte[] mutated = mutations.next(original);
            String where = "seed " + SEED + ", mutation " + i;
            ParsedFile result = SpecParser.parse("m.yaml", mutated);
            List<SpecProblem> problems = result.ok()
                    ? result.specs().stream().flatMap(spec -> policy.check(spec).stream()).toList()
                    : result.problems();
            assertThat(problems).as(where).allSatisfy(p -> {
                assertThat(p.line()).as("line of " + p).isBetween(1, MutatedSpecs.lines(mutated));
                assertThat(p.message()).isNotBlank();
            });
            if (result.ok()) {
                parsed++;
            } else {
                refused++;
            }
        }
        assertThat(parsed).as("mutations that still parse").isGreaterThan(MUTATED_DOCUMENTS / 50);
        assertThat(refused).as("mutations refused").isGreaterThan(MUTATED_DOCUMENTS / 4);
    }

    private Set<String> names() throws Exception {
        Set<String> names = new HashSet<>();
        try (var entries = Files.list(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
