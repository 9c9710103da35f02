package io.remoteappmanager.api.events;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.source.SourceStatus;
import java.util.List;

/**
 * One Server-Sent Event of {@code GET /api/v1/events}: its {@code event:} name and the object sent as JSON in its
 * {@code data:}. The names and data shapes are the stream's contract with the dashboard and with scripts.
 */
public record LiveEvent(String type, Object data) {

    /** Everything at once ({@link Snapshot}), first on every connection: a client needs nothing else to start. */
    public static final String SNAPSHOT = "snapshot";
    /** One app's view ({@link AppView}), whenever anything in it but its {@code updated} time changes. */
    public static final String APP = "app";
    /** An app no longer known ({@link Removed}). */
    public static final String APP_REMOVED = "app-removed";
    /** A pass finished: the status as {@code GET /api/v1/status} shows it ({@link StatusView}). */
    public static final String PASS = "pass";
    /** The spec problems changed ({@link Problems}). */
    public static final String PROBLEMS = "problems";
    /** The engine's reachability or error changed ({@link Engine}). */
    public static final String ENGINE = "engine";
    /** The reverse proxy's route sync changed ({@code ProxyView}). */
    public static final String PROXY = "proxy";
    /** The spec source's status changed ({@link SourceStatus}): a new revision, or an error reading one. */
    public static final String SOURCE = "source";
    /** Who leads changed ({@code LeaderView}). */
    public static final String LEADER = "leader";

    /** The data of {@link #SNAPSHOT}. */
    public record Snapshot(List<AppView> apps, StatusView status, SourceStatus source) {}

    /** The data of {@link #APP_REMOVED}: the key ({@code user/mappingId}) of the app that is gone. */
    public record Removed(String key) {}

    /** The data of {@link #PROBLEMS}: every spec problem now, each as {@code file:line: message}. */
    public record Problems(List<String> problems) {}

    /** The data of {@link #ENGINE}: whether the last pass could list the engine's containers, and if not why. */
    public record Engine(boolean reachable, String error) {}
}
