package io.remoteappmanager.source;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.DesiredState;

/**
 * Where desired state comes from (a spec directory, a git commit), behind one interface so that the controller
 * does not care which. Reads are level-based: every pass reads the whole desired state; watching only says
 * "look now".
 */
public interface SpecSource extends AutoCloseable {

    /**
     * The desired state now; never throws: a failure is a problem in the result, and a broken file keeps its last
     * good content. Cheap when nothing changed. Called by one thread at a time.
     */
    DesiredState read();

    /** What the source is and which version it read last, for status, logs and metrics. */
    SourceStatus status();

    /**
     * Starts watching; {@code onChange} is called (on the source's own thread) whenever a pass should look again. A
     * source that polls does so as one of {@code jobs}.
     */
    void start(Runnable onChange, Jobs jobs);

    /**
     * Looks at the source again now, because something outside said it changed (a git webhook); returns at once, and
     * {@code onChange} is called if there is something new. A watched directory needs nothing of the kind.
     */
    default void refresh() {}

    /** Stops watching; what was read stays readable. */
    @Override
    void close();
}
