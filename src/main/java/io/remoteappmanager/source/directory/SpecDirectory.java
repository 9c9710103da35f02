package io.remoteappmanager.source.directory;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.source.DesiredStateAssembler;
import io.remoteappmanager.source.FileState;
import io.remoteappmanager.source.SpecFileBook;
import io.remoteappmanager.source.directory.ChangedNames.Changes;
import io.remoteappmanager.source.directory.SpecFileReader.Stamp;
import io.remoteappmanager.spec.SpecCheck;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec directory as desired state: each read gives the whole desired state (level-based), re-parses only files
 * that changed, and remembers each file's last good content (in the {@link SpecFileBook} every source keeps its
 * files in) so that breaking a file never changes what runs. A file
 * caught while it is being written (modified within the settle window, or changed during its read) is not acted
 * on: its last good content stays until it settles. Reads are serialized; one reconcile thread is the expected
 * caller.
 *
 * <p>Which files a read looks at. Without a watcher (one-off reads: {@code validate}, {@code plan}) every read is
 * a <em>full</em> read: list the directory, stat every file. While a {@link SpecWatcher} feeds {@link #changes()},
 * a read whose directory looks unchanged (same inode, same mtime) looks only at the files the watcher named and the
 * files still unsettled or unreadable: an unchanged directory costs one stat of the directory itself. A full read
 * happens on any doubt: the first read, a watcher (re)started or stopped, an event queue overflow, the directory's
 * mtime moved (a file added, removed or renamed into place, seen even before its event arrives), the directory
 * replaced (another inode: a symlink swap), a directory of symlinked files (their targets change without an event
 * for their names), and at least every {@link #FULL_READ_INTERVAL} as a safety net against a missed event. What
 * the watcher alone reports is an in-place edit of an existing file.
 */
public final class SpecDirectory {

    /** The longest an event the watcher missed can go unseen. */
    static final Duration FULL_READ_INTERVAL = Duration.ofMinutes(1);

    /** The directory's inode and mtime: another inode is another directory, another mtime another set of names. */
    private record Version(Object fileKey, FileTime modified) {}

    private final Path directory;
    private final Clock clock;
    private final SpecFileReader reader;
    private final SpecFileBook<Stamp> book;
    private final ChangedNames changes = new ChangedNames();
    private DesiredState current;
    private Version version;
    private Instant nextFullRead = Instant.MIN;
    /** Names read again at every read: unsettled or unreadable. */
    private Set<String> retried = Set.of();
    /** Some spec file is a symlink: every read is a full one. */
    private boolean linked;

    /** A reader with no rule beyond the file format, acting on files as soon as they are read whole. */
    public SpecDirectory(Path directory) {
        this(directory, SpecCheck.NONE);
    }

    /** A reader that also applies {@code check}, acting on files as soon as they are read whole (for one-off reads). */
    public SpecDirectory(Path directory, SpecCheck check) {
        this(directory, check, Duration.ZERO);
    }

    /**
     * A reader that also applies {@code check} (the policy) to every parsed spec; this is what the controller and
     * {@code validate} use.
     *
     * @param settle a file modified less than this long ago counts as still being written
     */
    public SpecDirectory(Path directory, SpecCheck check, Duration settle) {
        this(directory, check, settle, Clock.systemUTC());
    }

    SpecDirectory(Path directory, SpecCheck check, Duration settle, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.reader = new SpecFileReader(settle, clock);
        this.book = new SpecFileBook<>(check);
    }

    public Path directory() {
        return directory;
    }

    /** Where a watcher of this directory records what changed. */
    ChangedNames changes() {
        return changes;
    }

    /** The desired state now; never throws, every failure is a problem in the result. */
    public synchronized DesiredState read() {
        Changes changed = changes.drain();
        Instant now = clock.instant();
        Version seen;
        try {
            seen = versionOf(directory);
        } catch (IOException e) {
            return unusable(e);
        }
        boolean full = changed.everything() || current == null || linked || !now.isBefore(nextFullRead)
                || !seen.equals(version);
        Set<String> names;
        if (full) {
            try {
                names = list();
            } catch (IOException e) {
                return unusable(e);
            }
        } else {
            names = union(changed.names(), retried);
            if (names.isEmpty()) {
                return current;
            }
        }
        SpecFileBook<Stamp>.Round round = full ? book.read() : book.update();
        Set<String> unsettled = new TreeSet<>();
        for (String name : names) {
            reader.load(directory.resolve(name), name, round, unsettled);
        }
        boolean modified = round.finish()
                || !unsettled.equals(current == null ? Set.of() : current.unsettled());
        remember(unsettled, seen, full ? now.plus(FULL_READ_INTERVAL) : nextFullRead);
        if (modified || current == null) {
            List<FileState> states = round.states();
            current = DesiredStateAssembler.assemble(states, !states.isEmpty(), unsettled);
        }
        return current;
    }

    /** What the next read must look at again: unsettled and unreadable files, and every file once one is a link. */
    private void remember(Set<String> unsettled, Version seen, Instant nextFull) {
        version = seen;
        nextFullRead = nextFull;
        retried = union(book.toReadAgain(), unsettled);
        linked = book.anyVersion(Stamp::link);
    }

    private static Version versionOf(Path directory) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(directory, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            throw new NotDirectoryException(directory.toString());
        }
        return new Version(attributes.fileKey(), attributes.lastModifiedTime());
    }

    /** The spec file names the directory lists now. */
    private Set<String> list() throws IOException {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (SpecFileBook.isSpecFileName(name)) {
                    names.add(name);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Nothing is known while the directory cannot be listed: no apps, and not usable, so nothing is pruned. */
    private DesiredState unusable(IOException e) {
        current = null;
        String reason = e instanceof NoSuchFileException ? "does not exist"
                : e instanceof NotDirectoryException ? "is not a directory"
                : "cannot be listed: " + SpecFileReader.describe(e);
        return new DesiredState(Map.of(), List.of(new SpecProblem(Kind.UNREADABLE, directory.toString(), 0,
                "spec directory " + reason, Optional.empty())), Set.of(), Set.of(), false, Set.of());
    }

    /** How many files were parsed so far: unchanged files must not count (for tests of the cache). */
    synchronized long parses() {
        return book.parses();
    }
}
