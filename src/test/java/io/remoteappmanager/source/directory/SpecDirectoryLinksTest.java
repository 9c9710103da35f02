package io.remoteappmanager.source.directory;

import static io.remoteappmanager.source.directory.SpecDirectoryTest.ALICE;
import static io.remoteappmanager.source.directory.SpecDirectoryTest.problems;
import static io.remoteappmanager.spec.SpecYaml.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.spec.SpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symlinks as git-sync and Kubernetes ConfigMap volumes publish them, and the broken ones. */
class SpecDirectoryLinksTest {

    @TempDir
    Path root;

    /** Points {@code link} at {@code target} atomically, as {@code ln -sfn} + rename and the kubelet do. */
    static void swapLink(Path link, Path target) throws IOException {
        Path temporary = link.resolveSibling(link.getFileName() + ".tmp-link");
        Files.createSymbolicLink(temporary, target);
        Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void followsASymlinkedDirectoryAcrossASwap() throws IOException {
        Path v1 = Files.createDirectories(root.resolve("rev-1"));
        Path v2 = Files.createDirectories(root.resolve("rev-2"));
        Files.writeString(v1.resolve("alice.yaml"), app("paraview", "alice"));
        Files.writeString(v2.resolve("alice.yaml"), app("paraview", "alice", "containerPort: 9000"));
        Path link = Files.createSymbolicLink(root.resolve("specs"), v1.getFileName());
        SpecDirectory specs = new SpecDirectory(link);
        assertTrue(specs.read().apps().get(ALICE).containerPort().isEmpty());

        swapLink(link, v2.getFileName());

        assertEquals(9000, specs.read().apps().get(ALICE).containerPort().getAsInt());
    }

    @Test
    void followsAConfigMapDataSwap() throws IOException {
        Path dir = Files.createDirectories(root.resolve("specs"));
        Path first = Files.createDirectories(dir.resolve("..2024_01_01_00_00_00.1"));
        Files.writeString(first.resolve("alice.yaml"), app("paraview", "alice"));
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(dir.resolve("alice.yaml"), Path.of("..data", "alice.yaml"));
        SpecDirectory specs = new SpecDirectory(dir);
        assertEquals(Set.of(ALICE), specs.read().apps().keySet());

        Path second = Files.createDirectories(dir.resolve("..2024_01_01_00_01_00.2"));
        Files.writeString(second.resolve("alice.yaml"), app("paraview", "alice", "suspend: true"));
        swapLink(dir.resolve("..data"), second.getFileName());
        DesiredState state = specs.read();

        assertEquals(List.of(), problems(state));
        assertTrue(state.apps().get(ALICE).suspend());
    }

    @Test
    void aDanglingSymlinkIsUnreadableAndKeepsItsLastGoodContent() throws IOException {
        Path dir = Files.createDirectories(root.resolve("specs"));
        Path target = Files.writeString(Files.createDirectories(dir.resolve("versions")).resolve("alice.yaml"),
                app("paraview", "alice"));
        Files.createSymbolicLink(dir.resolve("alice.yaml"), target);
        SpecDirectory specs = new SpecDirectory(dir);
        specs.read();

        Files.delete(target);
        DesiredState state = specs.read();

        assertEquals(Set.of(ALICE), state.apps().keySet());
        assertEquals(List.of("alice.yaml:0: cannot read: no such file (removed meanwhile, or a dangling symlink)"),
                problems(state));
        assertEquals(Kind.UNREADABLE, state.problems().get(0).kind());
    }

    @Test
    void aSymlinkOutOfTheDirectoryIsRefusedUnreadAndProtectsWhatItLabels() throws IOException {
        Path outside = Files.writeString(root.resolve("alice.yaml"), app("paraview", "alice"));
        Path dir = Files.createDirectories(root.resolve("specs"));
        Files.createSymbolicLink(dir.resolve("alice.yaml"), outside);

        DesiredState state = new SpecDirectory(dir).read();

        assertEquals(Set.of(), state.apps().keySet());
        assertEquals(List.of("alice.yaml:0: cannot read: refused: a symlink to " + outside.toRealPath()
                + ", outside the spec directory (not read)"), problems(state));
        assertEquals(Set.of("alice.yaml"), state.protectedSources());
    }

    @Test
    void aSymlinkLoopIsUnreadable() throws IOException {
        Path dir = Files.createDirectories(root.resolve("specs"));
        Files.createSymbolicLink(dir.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("a.yaml"));

        DesiredState state = new SpecDirectory(dir).read();

        assertEquals(2, state.problems().size());
        assertTrue(problems(state).get(0).startsWith("a.yaml:0: cannot read: Too many levels of symbolic links"));
        assertTrue(problems(state).get(1).startsWith("b.yaml:0: cannot read: Too many levels of symbolic links"));
        assertEquals(Set.of("a.yaml", "b.yaml"), state.protectedSources());
        assertFalse(state.directoryUsable());
    }

    @Test
    void aDirectorySymlinkLoopIsUnusable() throws IOException {
        Path loop = Files.createSymbolicLink(root.resolve("specs"), Path.of("specs"));

        DesiredState state = new SpecDirectory(loop).read();

        assertEquals(1, state.problems().size());
        assertTrue(problems(state).get(0).startsWith(loop + ":0: spec directory cannot be listed: Too many levels"));
        assertFalse(state.directoryUsable());
    }
}
