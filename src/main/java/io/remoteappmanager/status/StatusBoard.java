package io.remoteappmanager.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link StatusSnapshot} and tells listeners of each new one: the one status. The controller
 * publishes once per pass, route sync publishes the proxy's part, leader election who leads; everyone else reads.
 * Listeners run on the publishing thread, in the order of publication, so each sees every snapshot and its changes;
 * they must hand any slow work (a proxy call, a network write) to threads of their own.
 */
public final class StatusBoard {

    private static final Logger LOG = Logger.getLogger(StatusBoard.class);

    private final List<Consumer<StatusSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile StatusSnapshot current;

    public StatusBoard(StatusSnapshot initial) {
        this.current = initial;
    }

    public StatusSnapshot current() {
        return current;
    }

    /**
     * Replaces the snapshot with {@code change} applied to it, then tells the listeners, in publishing order; a change
     * that returns the snapshot it was given publishes nothing.
     */
    public synchronized void publish(UnaryOperator<StatusSnapshot> change) {
        StatusSnapshot next = change.apply(current);
        if (next == current) {
            return;
        }
        current = next;
        for (Consumer<StatusSnapshot> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.errorf(e, "a status listener failed");
            }
        }
    }

    /** Calls {@code listener} with every snapshot published from now on. */
    public void listen(Consumer<StatusSnapshot> listener) {
        listeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void unlisten(Consumer<StatusSnapshot> listener) {
        listeners.remove(listener);
    }
}
