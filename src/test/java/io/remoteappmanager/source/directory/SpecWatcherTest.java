package io.remoteappmanager.source.directory;

import static io.remoteappmanager.source.directory.SpecDirectoryLinksTest.swapLink;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a spec directory changes in practice reaches the callback within a couple of seconds, debounced. */
class SpecWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(100);
    private static final Duration SOON = Duration.ofSeconds(3);

    @TempDir
    Path root;

    private final AtomicInteger calls = new AtomicInteger();
    private SpecWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void watch(Path dir) throws IOException {
        watcher = new SpecWatcher(dir, QUIET, new ChangedNames(), calls::incrementAndGet);
        watcher.start();
    }

    private void awaitCalls(int atLeast) {
        await().atMost(SOON).until(() -> calls.get() >= atLeast);
    }

    private void awaitNoMoreCallsThan(int most) {
        await().during(Duration.ofMillis(500)).atMost(SOON).until(() -> calls.get() <= most);
    }

    private void awaitOneCallAndNoMore() {
        awaitCalls(1);
        awaitNoMoreCallsThan(1);
    }

    private Path specs() throws IOException {
        return Files.createDirectories(root.resolve("specs"));
    }

    @Test
    void aNewFile() throws IOException {
        Path dir = specs();
        watch(dir);

        Files.writeString(dir.resolve("alice.yaml"), "a: 1\n");

        awaitCalls(1);
    }

    @Test
    void anEdit() throws IOException {
        Path file = Files.writeString(specs().resolve("alice.yaml"), "a: 1\n");
        watch(file.getParent());

        Files.writeString(file, "b: 2\n", StandardOpenOption.APPEND);

        awaitCalls(1);
    }

    @Test
    void aDelete() throws IOException {
        Path file = Files.writeString(specs().resolve("alice.yaml"), "a: 1\n");
        watch(file.getParent());

        Files.delete(file);

        awaitCalls(1);
    }

    @Test
    void anEditorsRenameIntoPlace() throws IOException {
        Path dir = specs();
        Path temporary = Files.writeString(dir.resolve(".alice.yaml.swp"), "a: 2\n");
        watch(dir);

        Files.move(temporary, dir.resolve("alice.yaml"), StandardCopyOption.ATOMIC_MOVE);

        awaitCalls(1);
    }

    @Test
    void aSymlinkSwapOfTheWholeDirectoryAndWritesInTheNewTarget() throws IOException {
        Path v1 = Files.createDirectories(root.resolve("rev-1"));
        Path v2 = Files.createDirectories(root.resolve("rev-2"));
        Path link = Files.createSymbolicLink(root.resolve("specs"), v1.getFileName());
        watch(link);

        swapLink(link, v2.getFileName());
        awaitOneCallAndNoMore();
        Files.writeString(v1.resolve("stale.yaml"), "a: 1\n");
        awaitNoMoreCallsThan(1);
        Files.writeString(v2.resolve("alice.yaml"), "a: 1\n");

        awaitCalls(2);
    }

    @Test
    void aSymlinkSwapFurtherUpThePath() throws IOException {
        Files.createDirectories(root.resolve("worktree-1").resolve("specs"));
        Path v2 = Files.createDirectories(root.resolve("worktree-2").resolve("specs"));
        Path link = Files.createSymbolicLink(root.resolve("current"), Path.of("worktree-1"));
        watch(link.resolve("specs"));

        swapLink(link, Path.of("worktree-2"));
        awaitOneCallAndNoMore();
        Files.writeString(v2.resolve("alice.yaml"), "a: 1\n");

        awaitCalls(2);
    }

    @Test
    void aConfigMapDataSwapInsideTheDirectory() throws IOException {
        Path dir = specs();
        Path first = Files.createDirectories(dir.resolve("..2024_01_01_00_00_00.1"));
        Path second = Files.createDirectories(dir.resolve("..2024_01_01_00_01_00.2"));
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        watch(dir);

        swapLink(dir.resolve("..data"), second.getFileName());

        awaitCalls(1);
    }

    @Test
    void aDirectoryCreatedLater() throws IOException {
        Path dir = root.resolve("specs");
        watch(dir);

        Files.createDirectories(dir);
        awaitOneCallAndNoMore();
        Files.writeString(dir.resolve("alice.yaml"), "a: 1\n");

        awaitCalls(2);
    }

    @Test
    void aBurstOfWritesGivesFewCalls() throws IOException {
        Path dir = specs();
        watch(dir);

        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve("app" + (i % 5) + ".yaml"), "n: " + i + "\n");
        }

        awaitCalls(1);
        awaitNoMoreCallsThan(2);
    }

    @Test
    void aFailingCallbackDoesNotStopTheWatcher() throws IOException {
        Path dir = specs();
        watcher = new SpecWatcher(dir, QUIET, new ChangedNames(), () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        watcher.start();

        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        awaitOneCallAndNoMore();
        Files.writeString(dir.resolve("b.yaml"), "a: 1\n");

        awaitCalls(2);
    }

    @Test
    void noCallsAfterClose() throws IOException {
        Path dir = specs();
        watch(dir);

        watcher.close();
        Files.writeString(dir.resolve("alice.yaml"), "a: 1\n");

        awaitNoMoreCallsThan(0);
    }

    @Test
    void recordsTheNamesOfChangedSpecFilesOnly() throws IOException {
        Path dir = specs();
        ChangedNames changes = new ChangedNames();
        watcher = new SpecWatcher(dir, QUIET, changes, calls::incrementAndGet);
        watcher.start();
        changes.drain();

        Files.writeString(dir.resolve("alice.yaml"), "a: 1\n");
        Files.writeString(dir.resolve(".alice.yaml.swp"), "a: 1\n");
        awaitCalls(1);

        assertEquals(new ChangedNames.Changes(false, Set.of("alice.yaml")), changes.drain());
    }

    @Test
    void anOverflowOrAnEventForTheDirectoryItselfRecordsAnything() throws IOException {
        ChangedNames changes = new ChangedNames();
        watcher = new SpecWatcher(specs(), QUIET, changes, calls::incrementAndGet);
        watcher.start();
        changes.drain();

        watcher.record(event(StandardWatchEventKinds.OVERFLOW, null), false);
        assertEquals(ChangedNames.Changes.EVERYTHING, changes.drain());

        watcher.record(event(StandardWatchEventKinds.ENTRY_CREATE, Path.of("elsewhere")), true);
        assertEquals(ChangedNames.Changes.NONE, changes.drain());
        watcher.record(event(StandardWatchEventKinds.ENTRY_DELETE, Path.of("specs")), true);
        assertEquals(ChangedNames.Changes.EVERYTHING, changes.drain());
    }

    @Test
    void aStoppedWatcherLeavesEveryReadFull() throws IOException {
        ChangedNames changes = new ChangedNames();
        watcher = new SpecWatcher(specs(), QUIET, changes, calls::incrementAndGet);
        watcher.start();
        changes.drain();

        watcher.close();

        assertEquals(ChangedNames.Changes.EVERYTHING, changes.drain());
        assertEquals(ChangedNames.Changes.EVERYTHING, changes.drain());
    }

    private static WatchEvent<Path> event(WatchEvent.Kind<?> kind, Path context) {
        return new WatchEvent<>() {
            @SuppressWarnings("unchecked")
            @Override
            public Kind<Path> kind() {
                return (Kind<Path>) kind;
            }

            @Override
            public int count() {
                return 1;
            }

            @Override
            public Path context() {
                return context;
            }
        };
    }
}

