package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ObservedContainer;
import java.util.Locale;
import java.util.Optional;

/**
 * One change to make to the engine, with the reason it is made (logged and shown in status). Built only through
 * the intent-named factories, so every action carries what its kind needs.
 */
public final class Action {

    /** What to do to the engine. */
    public enum Kind {
        /** Create and start a container for a desired app. */
        CREATE,
        /** Replace the container with one made from the current spec, keeping its url id. */
        RECREATE,
        /** Start an exited container again. */
        RESTART,
        /** Stop and remove a container. */
        REMOVE,
        /** Stop a container nobody used for its idle timeout, keeping it (and its url id and volumes) to start again. */
        STOP,
        /** Start an idle app's stopped container again, on a request for it. */
        START
    }

    private final Kind kind;
    private final AppKey key;
    private final Optional<AppSpec> spec;
    private final Optional<ObservedContainer> container;
    private final Optional<String> urlId;
    private final String reason;
    private final boolean failedStart;
    private final boolean repair;

    private Action(Kind kind, AppKey key, Optional<AppSpec> spec, Optional<ObservedContainer> container,
            Optional<String> urlId, String reason, boolean failedStart, boolean repair) {
        this.kind = kind;
        this.key = key;
        this.spec = spec;
        this.container = container;
        this.urlId = urlId;
        this.reason = reason;
        this.failedStart = failedStart;
        this.repair = repair;
    }

    /** A new container; {@code urlId} empty means "draw a fresh one". */
    public static Action create(AppSpec spec, Optional<String> urlId, String reason) {
        return new Action(Kind.CREATE, spec.key(), Optional.of(spec), Optional.empty(), urlId, reason, false, false);
    }

    public static Action recreate(AppSpec spec, ObservedContainer container, String urlId, String reason) {
        return new Action(Kind.RECREATE, spec.key(), Optional.of(spec), Optional.of(container), Optional.of(urlId),
                reason, false, false);
    }

    /** Replaces a container that failed its liveness checks: a repair, like the restart of one that exited. */
    public static Action recreateUnhealthy(AppSpec spec, ObservedContainer container, String urlId, String reason) {
        return new Action(Kind.RECREATE, spec.key(), Optional.of(spec), Optional.of(container), Optional.of(urlId),
                reason, false, true);
    }

    public static Action restart(AppKey key, ObservedContainer container, String reason) {
        return new Action(Kind.RESTART, key, Optional.empty(), Optional.of(container), Optional.empty(), reason, false,
                true);
    }

    public static Action remove(AppKey key, ObservedContainer container, String reason) {
        return new Action(Kind.REMOVE, key, Optional.empty(), Optional.of(container), Optional.empty(), reason, false,
                false);
    }

    /** Stops an idle app's container and keeps it. */
    public static Action stop(AppKey key, ObservedContainer container, String reason) {
        return new Action(Kind.STOP, key, Optional.empty(), Optional.of(container), Optional.empty(), reason, false, false);
    }

    /** Starts an idle app's stopped container because someone asked for the app. */
    public static Action start(AppKey key, ObservedContainer container, String reason) {
        return new Action(Kind.START, key, Optional.empty(), Optional.of(container), Optional.empty(), reason, false, false);
    }

    /**
     * Removes a container this controller started that never became ready: done, it counts as the key's failed
     * start, so the next create waits for the key's back-off.
     */
    public static Action removeNotReady(AppKey key, ObservedContainer container, String reason) {
        return new Action(Kind.REMOVE, key, Optional.empty(), Optional.of(container), Optional.empty(), reason, true,
                false);
    }

    public Kind kind() {
        return kind;
    }

    public AppKey key() {
        return key;
    }

    public Optional<AppSpec> spec() {
        return spec;
    }

    /** The container the action acts on (none for a create). */
    public Optional<ObservedContainer> container() {
        return container;
    }

    public Optional<String> containerId() {
        return container.map(ObservedContainer::id);
    }

    public Optional<String> urlId() {
        return urlId;
    }

    public String reason() {
        return reason;
    }

    /** Whether carrying it out counts as a failure of the key (a start that never became ready). */
    public boolean failedStart() {
        return failedStart;
    }

    /**
     * Whether it starts again a container that failed on its own (a restart, the recreate of an unhealthy one): it
     * counts as one more attempt of the key, and waits while the key's back-off runs.
     */
    public boolean repairs() {
        return repair;
    }

    /** The kind in lower case ({@code create}), as logs, status and metrics name it. */
    public String verb() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return verb() + " " + key + containerId().map(id -> " [" + id.substring(0, Math.min(12, id.length())) + "]").orElse("")
                + ": " + reason;
    }
}
