package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One subscription to the engine's event stream, told to its {@link RuntimeWatcher}: started once the engine has
 * answered (docker-java calls onStart after the response headers), each event as the runtime translates it (into
 * none, one or several of ours), and the end exactly once, unless the subscriber stopped it.
 */
public final class EventStream extends ResultCallback.Adapter<Event> {

    private final RuntimeWatcher watcher;
    private final Function<Event, List<RuntimeEvent>> translate;
    private final AtomicBoolean over = new AtomicBoolean();

    public EventStream(RuntimeWatcher watcher, Function<Event, List<RuntimeEvent>> translate) {
        this.watcher = watcher;
        this.translate = translate;
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        if (!over.get()) {
            watcher.started();
        }
    }

    @Override
    public void onNext(Event event) {
        if (!over.get()) {
            translate.apply(event).forEach(watcher::event);
        }
    }

    @Override
    public void onError(Throwable error) {
        end(error);
    }

    @Override
    public void onComplete() {
        end(new RuntimeFault("Docker event stream ended"));
    }

    /** Ends the subscription on the subscriber's request: no further call reaches the watcher. */
    public void stop() {
        over.set(true);
        closeQuietly();
    }

    private void end(Throwable cause) {
        if (over.compareAndSet(false, true)) {
            closeQuietly();
            watcher.broken(cause);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // the stream is going away either way
        }
    }
}
