package io.remoteappmanager.source.directory;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.source.SpecSource;
import java.time.Duration;

/** The spec directory as a {@link SpecSource}: {@link SpecDirectory} reads it, {@link SpecWatcher} watches it. */
public final class DirectorySource implements SpecSource {

    private final SpecDirectory directory;
    private final Duration debounce;
    private SpecWatcher watcher;

    /** @param debounce quiet time after a file event before {@code onChange} is called */
    public DirectorySource(SpecDirectory directory, Duration debounce) {
        this.directory = directory;
        this.debounce = debounce;
    }

    @Override
    public DesiredState read() {
        return directory.read();
    }

    @Override
    public SourceStatus status() {
        return SourceStatus.directory(directory.directory().toAbsolutePath().toString());
    }

    @Override
    public synchronized void start(Runnable onChange, Jobs jobs) {
        if (watcher == null) {
            watcher = new SpecWatcher(directory.directory(), debounce, directory.changes(), onChange);
            watcher.start();
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
