package io.remoteappmanager.leader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The lease files of this JVM: one open channel per file, shared by every controller of the JVM that names it, and
 * one holder among them. The kernel's lock ({@link FileChannel#tryLock()}) belongs to the process, so it cannot tell
 * two controllers of one JVM apart, and closing any channel of a file drops every lock the process holds on it;
 * sharing the one channel, kept open while any controller uses the file, settles who holds it inside the JVM here and
 * leaves the kernel to settle it between processes, and to release it when the process dies.
 */
final class LockFiles {

    private static final Map<Path, Shared> FILES = new HashMap<>();

    private LockFiles() {}

    /** The file at {@code path}, opened (and created) for {@code user}, which must {@link #leave} it once done. */
    static synchronized Shared join(Path path, Object user) {
        Path key = path.toAbsolutePath().normalize();
        Shared shared = FILES.get(key);
        if (shared == null) {
            shared = new Shared(key, open(key));
            FILES.put(key, shared);
        }
        shared.users++;
        return shared;
    }

    /** {@code user} is done with the file: releases its lock if it held it, and closes the file after the last user. */
    static synchronized void leave(Shared shared, Object user) {
        shared.release(user);
        if (--shared.users == 0) {
            FILES.remove(shared.path);
            try {
                shared.channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + shared.path, e);
            }
        }
    }

    private static FileChannel open(Path path) {
        try {
            Files.createDirectories(path.getParent());
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the leader election lock file " + path, e);
        }
    }

    /** One lease file as this JVM holds it open. */
    static final class Shared {
        private final Path path;
        private final FileChannel channel;
        private int users;
        private FileLock lock;
        private Object holder;

        private Shared(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        Path path() {
            return path;
        }

        /**
         * Takes the lock for {@code user} if nobody holds it, in this JVM or another process; true when {@code user}
         * holds it now.
         */
        boolean tryHold(Object user) throws IOException {
            synchronized (LockFiles.class) {
                if (holder == null) {
                    lock = channel.tryLock();
                    holder = lock == null ? null : user;
                }
                return holder == user;
            }
        }

        /** The identity the holder wrote; empty when the file holds none. */
        String read() throws IOException {
            synchronized (LockFiles.class) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
                while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                    // read on
                }
                return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            }
        }

        /** Writes the holder's identity, replacing the previous one; only {@code user} holding the lock may. */
        void write(Object user, String identity) throws IOException {
            synchronized (LockFiles.class) {
                if (holder != user) {
                    throw new IllegalStateException("only the holder of " + path + " writes it");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((identity + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
            }
        }

        private void release(Object user) {
            if (holder != user) {
                return;
            }
            try {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock on " + path, e);
            } finally {
                lock = null;
                holder = null;
            }
        }
    }
}
