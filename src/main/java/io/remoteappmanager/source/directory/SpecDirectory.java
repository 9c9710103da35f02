package io.remoteappmanager.source.directory;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.source.DesiredStateAssembler;
import io.remoteappmanager.source.FileState;
import io.remoteappmanager.spec.ParsedFile;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    /** A file's state and the version it was read from; a null stamp (a read error) never matches, so it is retried. */
    private record Entry(Stamp stamp, FileState state) {}

    private final Path directory;
    private final SpecCheck check;
    private final Duration settle;
    private final Clock clock;
    private Map<String, Entry> files = new HashMap<>();
    private DesiredState current;
    private long parses;

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
        this.check = check;
        this.settle = settle;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** The desired state now; never throws, every failure is a problem in the result. */
    public synchronized DesiredState read() {
        Map<String, Entry> next = new TreeMap<>();
        Set<String> unsettled = new TreeSet<>();
        boolean changed = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (isSpecFileName(name)) {
                    Entry previous = files.get(name);
                    Entry entry = load(path, name, previous, unsettled);
                    if (entry != null) {
                        next.put(name, entry);
                        changed |= entry != previous;
                    }
                }
            }
        } catch (DirectoryIteratorException e) {
            return unusable(e.getCause());
        } catch (IOException e) {
            return unusable(e);
        }
        changed |= next.size() != files.size() || !unsettled.equals(current == null ? Set.of() : current.unsettled());
        files = next;
        if (changed || current == null) {
            current = DesiredStateAssembler.assemble(next.values().stream().map(Entry::state).toList(), !next.isEmpty(),
                    unsettled);
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

    /**
     * A {@code .yaml}/{@code .yml} file that is not hidden. Editor leftovers ({@code ~}, {@code .swp},
     * {@code .tmp}, {@code .bak}) fail the extension test, and hidden names cover {@code ..data} and its targets.
     */
    static boolean isSpecFileName(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** How many files were parsed so far: unchanged files must not count (for tests of the cache). */
    synchronized long parses() {
        return parses;
    }

    /**
     * The file's entry: {@code previous} itself when unchanged or not settled yet (its name then goes into
     * {@code unsettled}), a new one when it changed, or null for a subdirectory (skipped).
     */
    private Entry load(Path path, String name, Entry previous, Set<String> unsettled) {
        FileState before = previous == null ? null : previous.state();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return unreadable(name, describe(e), before);
        }
        if (attributes.isDirectory()) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return unreadable(name, "not a regular file", before);
        }
        Stamp stamp = Stamp.of(attributes);
        if (previous != null && stamp.equals(previous.stamp())) {
            return previous;
        }
        if (!settled(attributes)) {
            return unsettled(name, previous, unsettled);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(path)) {
            content = in.readNBytes(SpecParser.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return unreadable(name, describe(e), before);
        }
        if (!stamp.equals(stampNow(path))) {
            return unsettled(name, previous, unsettled);
        }
        parses++;
        return new Entry(stamp, FileState.next(name, checked(SpecParser.parse(name, content)), before));
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

    /**
     * A file caught mid-write: what was known of it stays (a file seen for the first time protects the containers
     * its name labels, as a broken one does), and it is read again at the next pass.
     */
    private static Entry unsettled(String name, Entry previous, Set<String> unsettled) {
        unsettled.add(name);
        return previous != null ? previous : new Entry(null, new FileState(name, new ParsedFile(List.of(), List.of()), null));
    }

    private Stamp stampNow(Path path) {
        try {
            return Stamp.of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException e) {
            return null;
        }
    }

    /** The parsed file, failed as a whole when one of its specs breaks the extra check. */
    private ParsedFile checked(ParsedFile parsed) {
        if (!parsed.ok()) {
            return parsed;
        }
        List<SpecProblem> problems = parsed.specs().stream().flatMap(spec -> check.check(spec).stream()).toList();
        return problems.isEmpty() ? parsed : new ParsedFile(List.of(), problems);
    }

    private static Entry unreadable(String name, String reason, FileState previous) {
        SpecProblem problem = new SpecProblem(Kind.UNREADABLE, name, 0, "cannot read: " + reason, Optional.empty());
        return new Entry(null, FileState.next(name, ParsedFile.failed(problem), previous));
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
