package io.remoteappmanager.source.directory;

import static io.remoteappmanager.source.directory.SpecDirectoryLinksTest.swapLink;
import static io.remoteappmanager.spec.SpecYaml.app;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.testing.MutableClock;
import io.remoteappmanager.testing.SpecFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads while a watcher feeds the changed names: in an unchanged-looking directory only the named files are looked
 * at, and every file again on any doubt: an overflow, a stopped watcher, the directory's mtime moved, a replaced
 * directory, symlinked files, and the safety-net interval.
 */
class SpecDirectoryChangesTest {

    static final AppKey ALICE = new AppKey("alice", "paraview");
    static final AppKey BOB = new AppKey("bob", "jupyter");

    @TempDir
    Path root;

    Path dir;
    MutableClock clock;
    SpecDirectory specs;

    @BeforeEach
    void watchedDirectory() throws IOException {
        dir = Files.createDirectories(root.resolve("specs"));
        clock = new MutableClock(Instant.now().plusSeconds(1));
        specs = new SpecDirectory(dir, SpecCheck.NONE, Duration.ZERO, clock);
    }

    /** Writes in place (same inode, no rename), as an editor that truncates and rewrites does. */
    private Path edit(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A full read while watching, with the directory's mtime moved back so that a later change moves it. */
    private DesiredState firstWatchedRead() throws IOException {
        specs.changes().watching(true);
        Files.setLastModifiedTime(dir, FileTime.from(clock.instant().minusSeconds(60)));
        return specs.read();
    }

    private static OptionalInt port(DesiredState state, AppKey key) {
        return state.apps().get(key).containerPort();
    }

    @Test
    void anUnchangedDirectoryIsNotReadAgainAndAnEditWithoutAnEventWaitsForTheSafetyNet() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        DesiredState first = firstWatchedRead();

        edit("alice.yaml", app("paraview", "alice", "containerPort: 9000"));
        assertSame(first, specs.read(), "no event, the directory unchanged: no file is looked at");

        clock.advance(SpecDirectory.FULL_READ_INTERVAL);
        assertEquals(OptionalInt.of(9000), port(specs.read(), ALICE));
    }

    @Test
    void anInPlaceEditIsSeenAfterItsEvent() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        AtomicInteger calls = new AtomicInteger();
        try (SpecWatcher watcher = new SpecWatcher(dir, Duration.ofMillis(50), specs.changes(), calls::incrementAndGet)) {
            watcher.start();
            specs.read();
            long parses = specs.parses();

            edit("alice.yaml", app("paraview", "alice", "containerPort: 9000"));
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 1);

            assertEquals(OptionalInt.of(9000), port(specs.read(), ALICE));
            assertEquals(parses + 1, specs.parses());
        }
    }

    @Test
    void onlyTheNamedFilesAreReadAgain() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        edit("bob.yaml", app("jupyter", "bob"));
        firstWatchedRead();

        edit("alice.yaml", app("paraview", "alice", "containerPort: 9000"));
        edit("bob.yaml", app("jupyter", "bob", "containerPort: 9001"));
        specs.changes().changed("alice.yaml");
        DesiredState state = specs.read();

        assertEquals(OptionalInt.of(9000), port(state, ALICE));
        assertEquals(OptionalInt.empty(), port(state, BOB), "bob.yaml had no event yet");
    }

    @Test
    void anOverflowReadsEveryFile() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        edit("bob.yaml", app("jupyter", "bob"));
        firstWatchedRead();

        edit("alice.yaml", app("paraview", "alice", "containerPort: 9000"));
        edit("bob.yaml", app("jupyter", "bob", "containerPort: 9001"));
        specs.changes().everything();
        DesiredState state = specs.read();

        assertEquals(OptionalInt.of(9000), port(state, ALICE));
        assertEquals(OptionalInt.of(9001), port(state, BOB));
    }

    @Test
    void aStoppedWatcherMeansEveryReadIsFull() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        firstWatchedRead();
        specs.changes().watching(false);

        edit("alice.yaml", app("paraview", "alice", "containerPort: 9000"));
        assertEquals(OptionalInt.of(9000), port(specs.read(), ALICE));
        edit("alice.yaml", app("paraview", "alice", "containerPort: 9001"));
        assertEquals(OptionalInt.of(9001), port(specs.read(), ALICE));
    }

    @Test
    void filesAddedOrRemovedWithoutAnEventAreFoundByAFullRead() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        firstWatchedRead();

        edit("bob.yaml", app("jupyter", "bob"));
        assertEquals(Set.of(ALICE, BOB), specs.read().apps().keySet());

        Files.setLastModifiedTime(dir, FileTime.from(clock.instant().minusSeconds(30)));
        Files.delete(dir.resolve("alice.yaml"));
        assertEquals(Set.of(BOB), specs.read().apps().keySet());
    }

    @Test
    void aFileRenamedIntoPlaceIsSeenBeforeItsEvent() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        firstWatchedRead();

        SpecFiles.write(dir, "alice.yaml", app("paraview", "alice", "containerPort: 9000"));

        assertEquals(OptionalInt.of(9000), port(specs.read(), ALICE));
    }

    @Test
    void aDeletedFileIsForgottenOnItsEvent() throws IOException {
        edit("alice.yaml", app("paraview", "alice"));
        edit("bob.yaml", app("jupyter", "bob"));
        firstWatchedRead();
        Files.delete(dir.resolve("alice.yaml"));
        Files.setLastModifiedTime(dir, FileTime.from(clock.instant().minusSeconds(60)));

        specs.changes().changed("alice.yaml");

        assertEquals(Set.of(BOB), specs.read().apps().keySet());
    }

    @Test
    void aFileStillBeingWrittenIsLookedAtAgainWithoutAnotherEvent() throws IOException {
        SpecDirectory settling = new SpecDirectory(dir, SpecCheck.NONE, Duration.ofSeconds(5), clock);
        settling.changes().watching(true);
        edit("bob.yaml", app("jupyter", "bob"));
        Files.setLastModifiedTime(dir.resolve("bob.yaml"), FileTime.from(clock.instant().minusSeconds(60)));
        settling.read();

        edit("alice.yaml", app("paraview", "alice"));
        settling.changes().changed("alice.yaml");
        assertEquals(Set.of("alice.yaml"), settling.read().unsettled());

        clock.advance(Duration.ofSeconds(10));
        DesiredState settled = settling.read();
        assertEquals(Set.of(), settled.unsettled());
        assertEquals(Set.of(ALICE, BOB), settled.apps().keySet());
    }

    @Test
    void symlinkedFilesAreReadInFullEveryTime() throws IOException {
        Path first = Files.createDirectories(dir.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(first.resolve("alice.yaml"), app("paraview", "alice"));
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(dir.resolve("alice.yaml"), Path.of("..data", "alice.yaml"));
        firstWatchedRead();

        Path second = Files.createDirectories(dir.resolve("..2024_01_01_00_01_00.2"));
        Files.writeString(second.resolve("alice.yaml"), app("paraview", "alice", "containerPort: 9000"));
        swapLink(dir.resolve("..data"), second.getFileName());
        Files.setLastModifiedTime(dir, FileTime.from(clock.instant().minusSeconds(60)));

        assertEquals(OptionalInt.of(9000), port(specs.read(), ALICE));
    }

    @Test
    void aReplacedDirectoryIsReadInFull() throws IOException {
        Path v1 = Files.createDirectories(root.resolve("rev-1"));
        Path v2 = Files.createDirectories(root.resolve("rev-2"));
        Files.writeString(v1.resolve("alice.yaml"), app("paraview", "alice"));
        Files.writeString(v2.resolve("alice.yaml"), app("paraview", "alice", "containerPort: 9000"));
        Files.setLastModifiedTime(v2, FileTime.from(clock.instant().minusSeconds(60)));
        Files.setLastModifiedTime(v1, FileTime.from(clock.instant().minusSeconds(60)));
        Path link = Files.createSymbolicLink(root.resolve("current"), v1.getFileName());
        SpecDirectory linked = new SpecDirectory(link, SpecCheck.NONE, Duration.ZERO, clock);
        linked.changes().watching(true);
        linked.read();

        swapLink(link, v2.getFileName());

        assertEquals(OptionalInt.of(9000), port(linked.read(), ALICE));
    }
}
