package io.remoteappmanager.secrets;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.source.SpecSource;

/** A spec source that hands out whatever the test put in it, the very same object until it is replaced. */
final class RecordedSource implements SpecSource {

    volatile DesiredState state = DesiredState.NONE;

    @Override
    public DesiredState read() {
        return state;
    }

    @Override
    public SourceStatus status() {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public void start(Runnable onChange, Jobs jobs) {}

    @Override
    public void close() {}
}
