package io.remoteappmanager.source.directory;

import io.remoteappmanager.source.FileState;
import io.remoteappmanager.spec.SpecCheck;
import io.remoteappmanager.spec.SpecParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * One spec file of the directory, read only when its version changed: the version is its size, mtime and inode (a
 * symlink swap changes the inode); a file modified within the settle window or changed during its read is not
 * acted on (its last good content stays until it settles); a file that fails keeps its last good content; a symlink
 * whose real path leaves the directory is refused unread (links within it, as ConfigMap volumes make, are followed).
 */
final class SpecFileReader {

    /** What identifies one version of a file: a changed size, mtime or inode means re-parse. */
    record Stamp(long size, FileTime modified, Object fileKey) {
        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        }
    }

    /**
     * A file's state and the version it was read from; a null stamp (a read error, a first sight mid-write) never
     * matches, so it is retried. {@code link}: the name is a symlink, whose target can change without an event.
     */
    record Loaded(Stamp stamp, FileState state, boolean link) {
        boolean retried() {
            return stamp == null;
        }
    }

    /** Open options of a spec file's read, made once (the varargs form builds a set for every file). */
    private static final Set<OpenOption> READ_NOT_FOLLOWING = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final SpecCheck check;
    private final Duration settle;
    private final Clock clock;
    private long parses;

    SpecFileReader(SpecCheck check, Duration settle, Clock clock) {
        this.check = check;
        this.settle = settle;
        this.clock = clock;
    }

    long parses() {
        return parses;
    }

    /**
     * The file's entry: {@code previous} itself when unchanged or not settled yet (its name then goes into
     * {@code unsettled}), a new one when it changed, or null when the name holds no file (gone, or a subdirectory).
     */
    Loaded load(Path path, String name, Loaded previous, Set<String> unsettled) {
        FileState before = previous == null ? null : previous.state();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return unreadable(name, describe(e), before);
        }
        boolean link = attributes.isSymbolicLink();
        Path file = path;
        if (link) {
            try {
                Path real = path.toRealPath();
                if (!real.startsWith(path.getParent().toRealPath())) {
                    return unreadable(name, "refused: a symlink to " + real + ", outside the spec directory (not read)",
                            before);
                }
                file = real;
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return unreadable(name, describe(e), before);
            }
        }
        if (attributes.isDirectory()) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return unreadable(name, "not a regular file", before);
        }
        Stamp stamp = Stamp.of(attributes);
        if (previous != null && stamp.equals(previous.stamp())) {
            return previous.link() == link ? previous : new Loaded(stamp, previous.state(), link);
        }
        if (!settled(attributes)) {
            return unsettled(name, previous, unsettled);
        }
        byte[] content;
        try {
            content = read(file, attributes.size());
        } catch (IOException e) {
            return unreadable(name, describe(e), before);
        }
        if (!stamp.equals(stampNow(file))) {
            return unsettled(name, previous, unsettled);
        }
        parses++;
        return new Loaded(stamp, FileState.read(name, content, check, Optional.empty(), before), link);
    }

    /**
     * The file's bytes, into an array of the size the stat gave (most files are under a kilobyte): one more byte
     * than the parser accepts at most. A file that grew or shrank meanwhile fails the stamp check after the read, and
     * a name swapped for a symlink since its check is not followed.
     */
    private static byte[] read(Path path, long size) throws IOException {
        byte[] content = new byte[(int) Math.min(size, SpecParser.MAX_FILE_BYTES + 1L)];
        ByteBuffer buffer = ByteBuffer.wrap(content);
        try (FileChannel channel = FileChannel.open(path, READ_NOT_FOLLOWING)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until the array is full or the file ends
            }
        }
        int read = buffer.position();
        return read == content.length ? content : Arrays.copyOf(content, read);
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
    private static Loaded unsettled(String name, Loaded previous, Set<String> unsettled) {
        unsettled.add(name);
        return previous != null ? previous : new Loaded(null, FileState.firstSeenMidWrite(name), false);
    }

    private static Stamp stampNow(Path path) {
        try {
            return Stamp.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return null;
        }
    }

    private static Loaded unreadable(String name, String reason, FileState previous) {
        return new Loaded(null, FileState.unreadable(name, reason, previous), false);
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (removed meanwhile, or a dangling symlink)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
    }
}
