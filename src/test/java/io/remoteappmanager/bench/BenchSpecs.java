package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A temporary spec directory of numbered apps ({@code app-00042.yaml}: user {@code u00042}), removed on close, or by
 * {@link #closeAll} when the benchmark is stopped midway (a controller reading an emptied directory creates nothing).
 */
final class BenchSpecs implements AutoCloseable {

    private static final Set<BenchSpecs> OPEN = ConcurrentHashMap.newKeySet();
    /** Set by {@link #closeAll}: a scenario still running must not write (and so re-create) a spec directory. */
    private static volatile boolean stopping;

    final Path dir;

    BenchSpecs(String purpose) {
        try {
            dir = Files.createTempDirectory("ram-bench-" + purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a spec directory", e);
        }
        OPEN.add(this);
    }

    /** Removes every spec directory still open, and refuses writes from then on. */
    static void closeAll() {
        stopping = true;
        OPEN.forEach(BenchSpecs::close);
    }

    /** The spec file of app {@code i}; {@code extra} lines go under {@code spec:}. */
    void write(int i, String... extra) {
        writeImage(i, TestEngine.HTTPD, extra);
    }

    /** The spec file of app {@code i} running {@code image}; {@code extra} lines go under {@code spec:}. */
    void writeImage(int i, String image, String... extra) {
        if (stopping) {
            throw new IllegalStateException("the benchmark is stopping");
        }
        AppKey key = key(i);
        SpecFiles.write(dir, key.mappingId() + ".yaml", SpecFiles.app(key.mappingId(), key.user(), image, extra));
    }

    /** The key of app {@code i}: user {@code u00042}, name {@code app-00042}. */
    static AppKey key(int i) {
        return new AppKey(String.format("u%05d", i), String.format("app-%05d", i));
    }

    void delete(int i) {
        SpecFiles.delete(dir, String.format("app-%05d.yaml", i));
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
