package io.remoteappmanager.runtime;

/**
 * Receives an event stream from {@link ContainerRuntime#watch}: told when the stream is established (from then on no
 * change is missed, so a listing taken afterwards is complete), each event, and once when the stream breaks.
 */
public interface RuntimeWatcher {

    /** The engine has accepted the subscription: events from now on will be delivered. */
    void started();

    void event(RuntimeEvent event);

    /** The stream broke or ended; called once. Whatever was learnt from it may be stale from now on. */
    void broken(Throwable cause);
}
