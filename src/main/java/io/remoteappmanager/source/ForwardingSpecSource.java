package io.remoteappmanager.source;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.DesiredState;

/**
 * A spec source that hands every call to another, so that one which only changes what a read gives (secrets
 * resolved into the apps, a test's held reads) overrides {@link #read} and nothing else.
 */
public abstract class ForwardingSpecSource implements SpecSource {

    private final SpecSource source;

    protected ForwardingSpecSource(SpecSource source) {
        this.source = source;
    }

    @Override
    public DesiredState read() {
        return source.read();
    }

    @Override
    public SourceStatus status() {
        return source.status();
    }

    @Override
    public void start(Runnable onChange, Jobs jobs) {
        source.start(onChange, jobs);
    }

    @Override
    public void refresh() {
        source.refresh();
    }

    @Override
    public void close() {
        source.close();
    }
}
