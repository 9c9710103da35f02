package io.remoteappmanager.source.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of hostile files (seeded, so a failure reproduces with the seed in its message) beside valid ones:
 * every read returns, memory stays bounded, every problem names a file of the directory, and the valid
 * files still apply. Not concurrent: it measures the heap.
 */
class SpecDirectoryFuzzTest {

    static final long SEED = 20261128L;
    static final int ROUNDS = 60;
    static final int HOSTILE_FILES = 50;
    static final List<AppKey> GOOD = IntStream.range(0, 3).mapToObj(i -> new AppKey("alice", "good-" + i)).toList();

    @TempDir
    Path dir;

    @Test
    void hostileFilesNeverBreakTheReaderAndValidFilesStillApply() throws Exception {
        GOOD.forEach(k -> SpecFiles.write(dir, k.mappingId() + ".yaml", SpecFiles.app(k.mappingId(), "alice", "ram-test/httpd:1")));
        SpecDirectory specs = new SpecDirectory(dir, SpecPolicy.from(TestEngine.config(Map.of()).policy()));
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
        }
        assertThat(written).isGreaterThanOrEqualTo(3000);
        assertThat(usedHeap() - heapBefore).as("heap growth after %d hostile files", written).isLessThan(64L << 20);
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
