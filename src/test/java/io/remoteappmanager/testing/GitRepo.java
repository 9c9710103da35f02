package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * A bare repository of a test's own on {@link GitServers}, with its URL for each transport. Commits are written
 * straight into it with JGit, as a push would leave them: {@link #commit} makes the branch hold exactly the given
 * files, {@link #forcePush} moves the branch anywhere (a rollback).
 */
public final class GitRepo {

    public static final String BRANCH = "main";
    /** A file whose content is this goes in as a symlink to {@code target.yaml}. */
    public static final String SYMLINK = "\0symlink";

    public final String name;
    public final Path dir;
    private final GitServers servers;

    private GitRepo(GitServers servers, String name) {
        this.servers = servers;
        this.name = name;
        this.dir = servers.root.resolve(name + ".git");
    }

    static GitRepo create(GitServers servers, String name) {
        GitRepo repo = new GitRepo(servers, name);
        try (Git git = Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(repo.dir.toFile()).call()) {
            return repo;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create " + repo.dir, e);
        }
    }

    public String fileUrl() {
        return dir.toUri().toString();
    }

    public String daemonUrl() {
        return servers.daemonUrl + "/" + name + ".git";
    }

    public String httpUrl() {
        return servers.httpUrl + "/" + name + ".git";
    }

    public String sshUrl() {
        return servers.sshUrl + "/" + name + ".git";
    }

    /** Commits exactly {@code files} (path in the repository to content) on top of the branch; returns the commit id. */
    public String commit(String message, Map<String, String> files) {
        try (Repository repo = Git.open(dir.toFile()).getRepository(); ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                boolean link = file.getValue().equals(SYMLINK);
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(link ? FileMode.SYMLINK : FileMode.REGULAR_FILE);
                byte[] content = (link ? "target.yaml" : file.getValue()).getBytes(StandardCharsets.UTF_8);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, content));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            ObjectId parent = repo.resolve(Constants.R_HEADS + BRANCH);
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent author = new PersonIdent("Alice Author", "alice@example.org");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message + "\n\nA longer body that the status does not show.\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            move(repo, id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the branch at {@code commit}, whatever it pointed at before (a force-push). */
    public void forcePush(String commit) {
        try (Repository repo = Git.open(dir.toFile()).getRepository()) {
            move(repo, ObjectId.fromString(commit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lightweight tag {@code name} on {@code commit}. */
    public void tag(String name, String commit) {
        try (Repository repo = Git.open(dir.toFile()).getRepository()) {
            RefUpdate update = repo.updateRef(Constants.R_TAGS + name);
            update.setNewObjectId(ObjectId.fromString(commit));
            update.forceUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Repository repo, ObjectId id) throws IOException {
        RefUpdate update = repo.updateRef(Constants.R_HEADS + BRANCH);
        update.setNewObjectId(id);
        RefUpdate.Result result = update.forceUpdate();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE) {
            throw new IOException("cannot move " + BRANCH + ": " + result);
        }
    }

    /** Removes {@code dir} and everything in it, if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
