package io.remoteappmanager.source.directory;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.source.DesiredStateAssembler;
import io.remoteappmanager.source.SpecFileBook;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec directory as desired state: every read re-lists the directory (level-based), re-parses only
 * files that changed, and remembers each file's last good content so that breaking a file never changes
 * what runs. A file caught while it is being written (modified within the settle window, or changed during
 * its read) is not acted on: its last good content stays until it settles. Reads are serialized; one
 * reconcile thread is the expected caller.
 */
public final class SpecDirectory {

    /** What identifies one version of a file: a changed size, mtime or inode (a symlink swap) means re-parse. */
    private record Stamp(long size, FileTime modified, Object fileKey) {
        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        }
    }

    private final Path directory;
    private final SpecFileBook<Stamp> book;
    private final Duration settle;
    private final Clock clock;
    private DesiredState current;

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
        this.book = new SpecFileBook<>(check);
        this.settle = settle;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** The desired state now; never throws, every failure is a problem in the result. */
    public synchronized DesiredState read() {
        SpecFileBook<Stamp>.Round round = book.read();
        Set<String> unsettled = new TreeSet<>();
        boolean any = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (SpecFileBook.isSpecFileName(name)) {
                    any |= load(path, name, round, unsettled);
                }
            }
        } catch (DirectoryIteratorException e) {
            return unusable(e.getCause());
        } catch (IOException e) {
            return unusable(e);
        }
        boolean changed = round.finish()
                || !unsettled.equals(current == null ? Set.of() : current.unsettled());
        if (changed || current == null) {
            current = DesiredStateAssembler.assemble(round.states(), any, unsettled);
        }
        return current;
    }

    /** Nothing is known while the directory cannot be listed: no apps, and not usable, so nothing is pruned. */
    private DesiredState unusable(IOException e) {
        current = null;
        String reason = e instanceof NoSuchFileException ? "does not exist"
                : e instanceof NotDirectoryException ? "is not a directory"
                : "cannot be listed: " + describe(e);
        return new DesiredState(Map.of(), List.of(new SpecProblem(Kind.UNREADABLE, directory.toString(), 0,
                "spec directory " + reason, Optional.empty())), Set.of(), Set.of(), false, Set.of());
    }

    /** How many files were parsed so far: unchanged files must not count (for tests of the cache). */
    synchronized long parses() {
        return book.parses();
    }

    /**
     * Reports the file to {@code round}: kept when unchanged or not settled yet (its name then goes into
     * {@code unsettled}), parsed when it changed; false for a subdirectory (skipped).
     */
    private boolean load(Path path, String name, SpecFileBook<Stamp>.Round round, Set<String> unsettled) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            round.unreadable(name, describe(e));
            return true;
        }
        if (attributes.isDirectory()) {
            return false;
        }
        if (!attributes.isRegularFile()) {
            round.unreadable(name, "not a regular file");
            return true;
        }
        Stamp stamp = Stamp.of(attributes);
        if (round.unchanged(name, stamp)) {
            return true;
        }
        if (!settled(attributes)) {
            unsettled.add(name);
            round.keep(name);
            return true;
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(path)) {
            content = in.readNBytes(SpecParser.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            round.unreadable(name, describe(e));
            return true;
        }
        if (!stamp.equals(stampNow(path))) {
            unsettled.add(name);
            round.keep(name);
            return true;
        }
        round.parsed(name, stamp, content, Optional.empty());
        return true;
    }

    /**
     * Whether the file was last modified longer ago than the settle window (else a writer may still be at it). A
     * modification time in the future (clock skew) says nothing either way: the check after the read still holds.
     */
    private boolean settled(BasicFileAttributes attributes) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        Instant now = clock.instant();
        return modified.isAfter(now) || !modified.isAfter(now.minus(settle));
    }

    private Stamp stampNow(Path path) {
        try {
            return Stamp.of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (removed meanwhile, or a dangling symlink)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
    }
}
