package io.remoteappmanager.reconcile;

/**
 * Work that follows every pass (keeping the reverse proxy's routes in step, for example) without the
 * pass depending on it: a listener's failure is logged and never stops the reconcile of containers.
 */
public interface PassListener {

    /** Called on the loop thread after each pass, including passes that could not reach the engine. */
    void afterPass(PassResult result);
}
