package io.remoteappmanager.source.git;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.source.DesiredStateAssembler;
import io.remoteappmanager.source.SpecFileBook;
import io.remoteappmanager.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the spec files of one commit straight from the object database (no checkout, so nothing is ever half
 * written): the files directly in the spec folder, by the directory's name rules, size limit, parser and policy.
 * Blobs already read are not parsed again ({@link SpecFileBook} keyed by blob id), and a broken file keeps its last
 * good content. A missing folder or one without specs gives an unusable state: nothing is pruned.
 */
final class CommitReader {

    private final SpecFileBook<ObjectId> book;
    private final String path;

    CommitReader(SpecFileBook<ObjectId> book, String path) {
        this.book = book;
        this.path = path;
    }

    /** The desired state at {@code commit}; throws only when the object database itself fails. */
    DesiredState read(Repository repo, RevCommit commit) throws IOException {
        String revision = commit.getName();
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectId folder = commit.getTree();
            if (!path.isEmpty()) {
                try (TreeWalk at = TreeWalk.forPath(reader, path, commit.getTree())) {
                    if (at == null || at.getFileMode(0) != FileMode.TREE) {
                        return unusable("folder '" + path + "' " + (at == null ? "does not exist" : "is not a folder")
                                + " at commit " + commit.abbreviate(12).name());
                    }
                    folder = at.getObjectId(0);
                }
            }
            SpecFileBook<ObjectId>.Round round = book.read();
            boolean any = false;
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(folder);
                walk.setRecursive(false);
                while (walk.next()) {
                    String name = walk.getNameString();
                    FileMode mode = walk.getFileMode(0);
                    if (mode == FileMode.TREE || mode == FileMode.GITLINK || !SpecFileBook.isSpecFileName(name)) {
                        continue;
                    }
                    any = true;
                    if (mode == FileMode.SYMLINK) {
                        round.unreadable(name, "a symlink; a git source reads regular files only (commit "
                                + commit.abbreviate(12).name() + ")");
                    } else if (!round.unchanged(name, walk.getObjectId(0))) {
                        load(reader, walk.getObjectId(0), name, round, revision);
                    }
                }
            }
            round.finish();
            return DesiredStateAssembler.assemble(round.states(), any, Set.of());
        }
    }

    /** Reads one blob, at most one byte past the size limit (so the parser refuses it without holding it all). */
    private static void load(ObjectReader reader, ObjectId blob, String name, SpecFileBook<ObjectId>.Round round,
            String revision) {
        byte[] content;
        try {
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            if (loader.getSize() <= SpecParser.MAX_FILE_BYTES) {
                content = loader.getCachedBytes(SpecParser.MAX_FILE_BYTES);
            } else {
                try (InputStream in = loader.openStream()) {
                    content = in.readNBytes(SpecParser.MAX_FILE_BYTES + 1);
                }
            }
        } catch (IOException e) {
            round.unreadable(name, "blob " + blob.name() + ": " + e.getMessage());
            return;
        }
        round.parsed(name, blob, content, Optional.of(revision));
    }

    private DesiredState unusable(String why) {
        return new DesiredState(Map.of(), List.of(new SpecProblem(Kind.UNREADABLE, path, 0, why, Optional.empty())),
                Set.of(), Set.of(), false, Set.of());
    }
}
