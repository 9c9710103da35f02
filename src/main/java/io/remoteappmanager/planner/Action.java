package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import java.util.Optional;

/**
 * One change to make to the engine, with the reason it is made (logged and shown in status).
 * Built only through the intent-named factories, so every action carries what its kind needs.
 */
public final class Action {

    /** What to do to the engine. */
    public enum Kind {
        /** Create and start a container for a desired app. */
        CREATE,
        /** Stop and remove the container, then create and start a new one with the same url id. */
        RECREATE,
        /** Start an exited container again. */
        RESTART,
        /** Stop and remove a container. */
        REMOVE
    }

    private final Kind kind;
    private final AppKey key;
    private final Optional<AppSpec> spec;
    private final Optional<String> containerId;
    private final Optional<String> urlId;
    private final String reason;

    private Action(Kind kind, AppKey key, Optional<AppSpec> spec, Optional<String> containerId,
            Optional<String> urlId, String reason) {
        this.kind = kind;
        this.key = key;
        this.spec = spec;
        this.containerId = containerId;
        this.urlId = urlId;
        this.reason = reason;
    }

    /** A new container; {@code urlId} empty means "draw a fresh one". */
    public static Action create(AppSpec spec, Optional<String> urlId, String reason) {
        return new Action(Kind.CREATE, spec.key(), Optional.of(spec), Optional.empty(), urlId, reason);
    }

    public static Action recreate(AppSpec spec, String containerId, String urlId, String reason) {
        return new Action(Kind.RECREATE, spec.key(), Optional.of(spec), Optional.of(containerId), Optional.of(urlId), reason);
    }

    public static Action restart(AppKey key, String containerId, String reason) {
        return new Action(Kind.RESTART, key, Optional.empty(), Optional.of(containerId), Optional.empty(), reason);
    }

    public static Action remove(AppKey key, String containerId, String reason) {
        return new Action(Kind.REMOVE, key, Optional.empty(), Optional.of(containerId), Optional.empty(), reason);
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

    public Optional<String> containerId() {
        return containerId;
    }

    public Optional<String> urlId() {
        return urlId;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + key + containerId.map(id -> " [" + id.substring(0, Math.min(12, id.length())) + "]").orElse("") + ": " + reason;
    }
}
