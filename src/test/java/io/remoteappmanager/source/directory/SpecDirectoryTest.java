package io.remoteappmanager.source.directory;

import static io.remoteappmanager.spec.SpecYaml.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.spec.SpecYaml;
import io.remoteappmanager.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory rules: which files count, last good content, conflicts, settling, caching. */
class SpecDirectoryTest {

    static final AppKey ALICE = new AppKey("alice", "paraview");
    static final AppKey BOB = new AppKey("bob", "jupyter");

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static List<String> problems(DesiredState state) {
        return state.problems().stream().map(SpecProblem::toString).toList();
    }

    @Test
    void readsEveryYamlFileAndSkipsTheRest() throws IOException {
        write("alice.yaml", app("paraview", "alice"));
        write("bob.yml", app("jupyter", "bob"));
        for (String skipped : List.of(".hidden.yaml", "alice.yaml~", ".alice.yaml.swp", "carol.yaml.tmp",
                "carol.yaml.bak", "carol.YAML", "README.md", "carol.json")) {
            write(skipped, app("carol", "carol"));
        }
        Files.createDirectories(dir.resolve("sub.yaml"));
        Files.writeString(dir.resolve("sub.yaml").resolve("dave.yaml"), app("dave", "dave"));

        DesiredState state = new SpecDirectory(dir).read();

        assertEquals(List.of(), problems(state));
        assertEquals(Set.of(ALICE, BOB), state.apps().keySet());
        assertEquals(new SpecOrigin("bob.yml", "jupyter", 1).withFieldLines(Map.of("image", 7)), state.apps().get(BOB).origin());
        assertTrue(state.directoryUsable());
    }

    @Test
    void missingDirectoryIsUnusableAndSaysWhy() {
        DesiredState state = new SpecDirectory(dir.resolve("absent")).read();

        assertFalse(state.directoryUsable());
        assertEquals(List.of(dir.resolve("absent") + ":0: spec directory does not exist"), problems(state));
        assertEquals(Kind.UNREADABLE, state.problems().get(0).kind());
    }

    @Test
    void aFileInsteadOfTheDirectoryIsUnusable() throws IOException {
        DesiredState state = new SpecDirectory(write("plain", "x")).read();

        assertFalse(state.directoryUsable());
        assertEquals(List.of(dir.resolve("plain") + ":0: spec directory is not a directory"), problems(state));
    }

    @Test
    void directoryWithoutSpecFilesIsUnusable() throws IOException {
        write("notes.txt", "x");

        assertFalse(new SpecDirectory(dir).read().directoryUsable());
    }

    @Test
    void filesThatGiveNoAppLeaveTheDirectoryUnusable() throws IOException {
        write("alice.yaml", "not: [valid");
        write("emptied.yaml", "");
        SpecDirectory specs = new SpecDirectory(dir);

        assertFalse(specs.read().directoryUsable());

        write("bob.yaml", app("jupyter", "bob"));
        assertTrue(specs.read().directoryUsable());
    }

    @Test
    void aBrokenFileKeepsItsLastGoodContent() throws IOException {
        SpecDirectory specs = new SpecDirectory(dir);
        write("alice.yaml", app("paraview", "alice") + "---\n" + app("jupyter", "bob"));
        specs.read();

        write("alice.yaml", app("paraview", "alice", "image: other") + "---\n" + app("jupyter", "bob", "replicas: 2"));
        DesiredState broken = specs.read();

        assertEquals(Set.of(ALICE, BOB), broken.apps().keySet());
        assertEquals("simphony/paraview:5.4", broken.apps().get(ALICE).image());
        assertEquals(List.of("alice.yaml:8: duplicate key \"image\""), problems(broken));
        assertEquals(Set.of(), broken.protectedSources());

        write("alice.yaml", app("paraview", "alice"));
        DesiredState fixed = specs.read();

        assertEquals(Set.of(ALICE), fixed.apps().keySet());
        assertEquals(List.of(), problems(fixed));
    }

    @Test
    void anUnreadableFileKeepsItsLastGoodContentToo() throws IOException {
        SpecDirectory specs = new SpecDirectory(dir);
        write("alice.yaml", app("paraview", "alice"));
        specs.read();

        write("alice.yaml", "# " + "x".repeat(2 << 20));
        DesiredState state = specs.read();

        assertEquals(Set.of(ALICE), state.apps().keySet());
        assertEquals(List.of("alice.yaml:0: file is larger than 1048576 bytes"), problems(state));
        assertEquals(Kind.UNREADABLE, state.problems().get(0).kind());
    }

    @Test
    void aFileThatNeverParsedProtectsItsContainers() throws IOException {
        write("alice.yaml", app("paraview", "alice", "containerPort: many"));
        write("bob.yaml", app("jupyter", "bob"));

        DesiredState state = new SpecDirectory(dir).read();

        assertEquals(Set.of(BOB), state.apps().keySet());
        assertEquals(Set.of("alice.yaml"), state.protectedSources());
        assertEquals(List.of("alice.yaml:8: spec.containerPort: expected an integer 1..65535, got \"many\""),
                problems(state));
        assertEquals(Optional.of(ALICE), state.problems().get(0).key());
    }

    @Test
    void aDeletedFileIsForgotten() throws IOException {
        SpecDirectory specs = new SpecDirectory(dir);
        write("alice.yaml", app("paraview", "alice"));
        write("bob.yaml", app("jupyter", "bob"));
        specs.read();
        write("alice.yaml", "broken: [");
        specs.read();

        Files.delete(dir.resolve("alice.yaml"));
        DesiredState state = specs.read();

        assertEquals(Set.of(BOB), state.apps().keySet());
        assertEquals(List.of(), problems(state));

        write("alice.yaml", "broken: [");
        assertEquals(Set.of("alice.yaml"), specs.read().protectedSources());
    }

    @Test
    void oneKeyClaimedTwiceIsAConflictOnBothSides() throws IOException {
        write("a.yaml", app("paraview", "alice"));
        write("b.yaml", "# another copy\n" + app("alice-paraview", "alice", "mappingId: paraview"));
        write("c.yaml", app("jupyter", "bob"));

        DesiredState state = new SpecDirectory(dir).read();

        String message = "app alice/paraview is claimed by 2 documents (a.yaml:1 paraview, b.yaml:2 alice-paraview): "
                + "its container is left as it is";
        assertEquals(List.of("a.yaml:1: " + message, "b.yaml:2: " + message), problems(state));
        assertTrue(state.problems().stream().allMatch(p -> p.kind() == Kind.CONFLICT && p.key().equals(Optional.of(ALICE))));
        assertEquals(Set.of(ALICE), state.conflicts());
        assertEquals(Set.of(BOB), state.apps().keySet());
    }

    @Test
    void oneKeyTwiceInOneFileIsAConflictToo() throws IOException {
        write("a.yaml", app("one", "alice", "mappingId: paraview") + "---\n" + app("two", "alice", "mappingId: paraview"));

        DesiredState state = new SpecDirectory(dir).read();

        assertEquals(Set.of(ALICE), state.conflicts());
        assertEquals(2, state.problems().size());
    }

    @Test
    void aDuplicateNameIsReportedNamingBothFiles() throws IOException {
        write("a.yaml", app("shared", "alice", "mappingId: paraview"));
        write("b.yaml", app("shared", "bob", "mappingId: jupyter"));

        DesiredState state = new SpecDirectory(dir).read();

        String message = "metadata.name \"shared\" is used by 2 documents (a.yaml:1 shared, b.yaml:1 shared): "
                + "names must be unique in the directory";
        assertEquals(List.of("a.yaml:1: " + message, "b.yaml:1: " + message), problems(state));
        assertEquals(Kind.INVALID, state.problems().get(0).kind());
        assertEquals(Set.of(ALICE, BOB), state.apps().keySet());
    }

    @Test
    void unchangedFilesAreNotParsedAgain() throws IOException {
        SpecDirectory specs = new SpecDirectory(dir);
        write("alice.yaml", app("paraview", "alice"));
        write("bob.yaml", app("jupyter", "bob"));
        DesiredState first = specs.read();

        assertSame(first, specs.read());
        assertEquals(2, specs.parses());

        Files.setLastModifiedTime(dir.resolve("bob.yaml"), FileTime.from(Instant.now().plusSeconds(5)));
        specs.read();
        assertEquals(3, specs.parses());

        write("carol.yaml", app("carol", "carol"));
        assertEquals(3, specs.read().apps().size());
        assertEquals(4, specs.parses());
    }

    @Test
    void aFileModifiedWithinTheSettleWindowKeepsItsLastGoodContentUntilItSettles() throws IOException {
        MutableClock clock = new MutableClock(Instant.now().plusSeconds(1));
        SpecDirectory specs = new SpecDirectory(dir, SpecCheck.NONE, Duration.ofSeconds(5), clock);
        Path file = write("alice.yaml", app("paraview", "alice") + "---\n" + app("jupyter", "bob"));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(60)));
        assertEquals(Set.of(ALICE, BOB), specs.read().apps().keySet());

        write("alice.yaml", app("paraview", "alice"));
        DesiredState writing = specs.read();
        assertEquals(Set.of(ALICE, BOB), writing.apps().keySet(), "a valid prefix must not remove bob's app");
        assertEquals(Set.of("alice.yaml"), writing.unsettled());
        assertEquals(List.of(), problems(writing));

        clock.advance(Duration.ofSeconds(10));
        DesiredState settled = specs.read();
        assertEquals(Set.of(ALICE), settled.apps().keySet());
        assertEquals(Set.of(), settled.unsettled());
    }

    @Test
    void aNewFileStillBeingWrittenProtectsTheContainersItsNameLabels() throws IOException {
        MutableClock clock = new MutableClock(Instant.now().plusSeconds(1));
        SpecDirectory specs = new SpecDirectory(dir, SpecCheck.NONE, Duration.ofSeconds(5), clock);
        write("alice.yaml", app("paraview", "alice"));

        DesiredState writing = specs.read();

        assertEquals(Set.of(), writing.apps().keySet());
        assertEquals(Set.of("alice.yaml"), writing.protectedSources());
        assertFalse(writing.directoryUsable());
    }

    /** A clock the test moves by hand. */

    @Test
    void tenThousandUnchangedFilesAreCheapToReadAgain() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            write("app" + i + ".yaml", app("app" + i, "user" + i));
        }
        SpecDirectory specs = new SpecDirectory(dir);
        long start = System.nanoTime();
        assertEquals(10_000, specs.read().apps().size());
        long firstMillis = (System.nanoTime() - start) / 1_000_000;

        start = System.nanoTime();
        DesiredState again = specs.read();
        long againMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(10_000, again.apps().size());
        assertEquals(10_000, specs.parses());
        System.out.printf("10000 files: first read %d ms, unchanged read %d ms%n", firstMillis, againMillis);
    }
}
