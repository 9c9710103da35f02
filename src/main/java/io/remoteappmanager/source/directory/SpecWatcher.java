package io.remoteappmanager.source.directory;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.remoteappmanager.lifecycle.Threads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tells the controller "look now" soon after anything changes in the spec directory, one call per burst.
 * It watches the directory and its parent, and re-registers when the directory is replaced (git-sync's
 * symlink swap, a directory created later) or changes identity; Kubernetes' {@code ..data} swap happens
 * inside the directory and is seen directly. It also records which names changed in the directory's
 * {@link ChangedNames}, as they arrive, so the next read looks at those files only; an overflow, the parent's
 * event for the directory or a new registration record "anything", and the next read looks at every file.
 */
public final class SpecWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpecWatcher.class);
    /** How often, without events, the directory's identity is checked (a symlink swap further up the path). */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A burst that never pauses still gets a call after this many quiet periods. */
    private static final int MAX_DELAY_PERIODS = 10;

    private final Path directory;
    private final Path parent;
    private final long quietNanos;
    private final ChangedNames changes;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;
    private WatchKey directoryKey;
    private WatchKey parentKey;
    private Object directoryIdentity;

    /**
     * Records changes in {@code changes} as they arrive, and calls {@code onChange} on the watcher's thread once
     * {@code quietPeriod} has passed without new events.
     */
    SpecWatcher(Path directory, Duration quietPeriod, ChangedNames changes, Runnable onChange) {
        this.directory = directory.toAbsolutePath();
        this.parent = this.directory.getParent();
        this.quietNanos = quietPeriod.toNanos();
        this.changes = changes;
        this.onChange = onChange;
        try {
            this.service = this.directory.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + this.directory + " (inotify limits?): " + e.getMessage(), e);
        }
        this.thread = Threads.named("spec-watcher").newThread(this::run);
    }

    /** Registers the watches now (so no event after this call is missed) and starts the thread. */
    public void start() {
        refreshRegistrations();
        changes.watching(true);
        thread.start();
    }

    /** Stops watching; no call starts after this returns (one already running is waited for, briefly). */
    @Override
    public void close() {
        closed = true;
        changes.watching(false);
        try {
            service.close();
            if (Thread.currentThread() != thread && thread.isAlive()) {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (IOException e) {
            LOG.debugf(e, "closing the watch service of %s", directory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Trailing debounce: call once events have paused for the quiet period, or the burst grew too long. */
    private void run() {
        long first = 0;
        long last = 0;
        boolean pending = false;
        try {
            while (!closed) {
                long wait = pending ? Math.max(0, due(first, last) - System.nanoTime()) : IDLE_CHECK_NANOS;
                boolean relevant = drainAll(service.poll(wait, TimeUnit.NANOSECONDS));
                if (refreshRegistrations()) {
                    changes.everything();
                    relevant = true;
                }
                long now = System.nanoTime();
                if (relevant) {
                    first = pending ? first : now;
                    last = now;
                    pending = true;
                }
                if (pending && now - due(first, last) >= 0 && !closed) {
                    pending = false;
                    notifyChange();
                }
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debugf("stopped watching %s", directory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long due(long first, long last) {
        return Math.min(last + quietNanos, first + MAX_DELAY_PERIODS * quietNanos);
    }

    /** Consumes {@code key} and every other signalled key, recording what changed; true if any event concerns the directory. */
    private boolean drainAll(WatchKey key) {
        boolean relevant = false;
        for (; key != null; key = service.poll()) {
            for (WatchEvent<?> event : key.pollEvents()) {
                relevant |= record(event, key == parentKey);
            }
            key.reset();
        }
        return relevant;
    }

    /**
     * Records one event: in the directory, the name it concerns (or "anything" for an overflow); in the parent, only
     * what concerns the directory itself (replaced, removed, an overflow), as "anything". True if it concerns the directory.
     */
    boolean record(WatchEvent<?> event, boolean inParent) {
        boolean overflow = event.kind() == OVERFLOW;
        if (inParent && !overflow && !directory.getFileName().equals(event.context())) {
            return false;
        }
        if (inParent || overflow) {
            changes.everything();
        } else {
            changes.changed(event.context().toString());
        }
        return true;
    }

    /**
     * Watches the directory as it is now: registers again when it appeared, vanished or became another
     * directory (its file key changed), and watches the parent when it exists. True when the directory changed.
     */
    private boolean refreshRegistrations() {
        if (parent != null && (parentKey == null || !parentKey.isValid())) {
            parentKey = register(parent);
        }
        Object identity = identity(directory);
        boolean lost = directoryKey != null && !directoryKey.isValid();
        if (!lost && Objects.equals(identity, directoryIdentity)) {
            return false;
        }
        if (directoryKey != null) {
            directoryKey.cancel();
        }
        directoryIdentity = identity;
        directoryKey = identity == null ? null : register(directory);
        return true;
    }

    private WatchKey register(Path path) {
        try {
            return path.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        } catch (IOException e) {
            LOG.debugf("cannot watch %s yet: %s", path, e);
            return null;
        }
    }

    /** The directory's file key (device and inode) through any symlink, or null when it is missing. */
    private static Object identity(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isDirectory() ? Objects.requireNonNullElse(attributes.fileKey(), path) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void notifyChange() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "spec change callback failed for %s", directory);
        }
    }
}
