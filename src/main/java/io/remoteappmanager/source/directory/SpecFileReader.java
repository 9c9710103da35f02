package io.remoteappmanager.source.directory;

import io.remoteappmanager.source.SpecFileBook;
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
 * Reads one spec file of the directory into the {@link SpecFileBook}, only when its version changed: the version is
 * its size, mtime and inode (a symlink swap changes the inode) and whether its name is a symlink; a file modified
 * within the settle window or changed during its read is not acted on (its last good content stays until it
 * settles); a file that fails keeps its last good content; a symlink whose real path leaves the directory is
 * refused unread (links within it, as ConfigMap volumes make, are followed), and a name swapped for a symlink after
 * its check is not followed.
 */
final class SpecFileReader {

    /**
     * What identifies one version of a file: a changed size, mtime or inode means re-parse. {@code link}: the name is
     * a symlink, whose target can change without an event.
     */
    record Stamp(long size, FileTime modified, Object fileKey, boolean link) {
        static Stamp of(BasicFileAttributes attributes, boolean link) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey(), link);
        }
    }

    /** Open options of a spec file's read, made once (the varargs form builds a set for every file). */
    private static final Set<OpenOption> READ_NOT_FOLLOWING = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Duration settle;
    private final Clock clock;

    SpecFileReader(Duration settle, Clock clock) {
        this.settle = settle;
        this.clock = clock;
    }

    /**
     * Reports the file at {@code path} to {@code round}: unchanged, kept while not settled yet (its name then goes
     * into {@code unsettled}), parsed when it changed, unreadable, or gone when the name holds no file (removed, or a
     * subdirectory).
     */
    void load(Path path, String name, SpecFileBook<Stamp>.Round round, Set<String> unsettled) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            round.gone(name);
            return;
        } catch (IOException e) {
            round.unreadable(name, describe(e));
            return;
        }
        boolean link = attributes.isSymbolicLink();
        Path file = path;
        if (link) {
            try {
                Path real = path.toRealPath();
                if (!real.startsWith(path.getParent().toRealPath())) {
                    round.unreadable(name, "refused: a symlink to " + real + ", outside the spec directory (not read)");
                    return;
                }
                file = real;
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                round.unreadable(name, describe(e));
                return;
            }
        }
        if (attributes.isDirectory()) {
            round.gone(name);
            return;
        }
        if (!attributes.isRegularFile()) {
            round.unreadable(name, "not a regular file");
            return;
        }
        Stamp stamp = Stamp.of(attributes, link);
        if (round.unchanged(name, stamp)) {
            return;
        }
        if (!settled(attributes)) {
            unsettled(name, round, unsettled);
            return;
        }
        byte[] content;
        try {
            content = read(file, attributes.size());
        } catch (IOException e) {
            round.unreadable(name, describe(e));
            return;
        }
        if (!stamp.equals(stampNow(file, link))) {
            unsettled(name, round, unsettled);
            return;
        }
        round.parsed(name, stamp, content, Optional.empty());
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

    /** A file caught mid-write: what was known of it stays, and it is read again at the next pass. */
    private static void unsettled(String name, SpecFileBook<Stamp>.Round round, Set<String> unsettled) {
        unsettled.add(name);
        round.keep(name);
    }

    private static Stamp stampNow(Path path, boolean link) {
        try {
            return Stamp.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), link);
        } catch (IOException e) {
            return null;
        }
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
