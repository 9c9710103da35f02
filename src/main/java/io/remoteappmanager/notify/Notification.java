package io.remoteappmanager.notify;

import io.remoteappmanager.model.AppKey;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One thing worth telling people, as every webhook that wants it receives it: an app getting into or out of trouble,
 * the engine going away or coming back, a spec problem appearing or clearing, the lead of the realm passing to another
 * controller. Its id stays the same across the
 * retries of its delivery, so a receiver can drop a duplicate.
 *
 * @param firing  true when trouble begins (or changes form), false when it ends
 * @param time    when the change happened, which is not when it is sent
 * @param app     app events: which app
 * @param from    app events: the condition (or, when there was none, the phase) before; leader events: the
 *                leader before
 * @param to      app events: the condition (or, when there is none, the phase) now, empty when the app is gone;
 *                leader events: the leader now
 * @param reason  why, in the controller's words
 * @param engine  engine events: the engine's state now
 * @param problem spec-problem events: the problem, as {@code file:line: message}
 */
public record Notification(String id, Type type, boolean firing, Instant time, String realm, Optional<App> app,
        Optional<String> from, Optional<String> to, String reason, Optional<Engine> engine, Optional<String> problem) {

    /** What the event is about; {@link #wire()} is its name in the JSON. */
    public enum Type {
        APP("app"), ENGINE("engine"), SPEC_PROBLEM("spec-problem"), LEADER("leader");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** The app an app event is about: its key and, when its spec is known, the spec's name. */
    public record App(AppKey key, Optional<String> name) {}

    /** The engine as the controller sees it: reachable means it answers and its containers are listed and followed. */
    public record Engine(boolean reachable, Optional<String> error) {}

    static Notification app(String realm, App app, boolean firing, Instant time, Optional<String> from,
            Optional<String> to, String reason) {
        return new Notification(newId(), Type.APP, firing, time, realm, Optional.of(app), from, to, reason,
                Optional.empty(), Optional.empty());
    }

    static Notification engine(String realm, Engine engine, Instant time) {
        String reason = engine.reachable() ? "the engine answers again and its containers are listed"
                : "the engine is unreachable: " + engine.error().orElse("no reason given");
        return new Notification(newId(), Type.ENGINE, !engine.reachable(), time, realm, Optional.empty(),
                Optional.empty(), Optional.empty(), reason, Optional.of(engine), Optional.empty());
    }

    static Notification problem(String realm, String problem, boolean appeared, Instant time) {
        String reason = appeared ? "spec problem: " + problem : "spec problem cleared: " + problem;
        return new Notification(newId(), Type.SPEC_PROBLEM, appeared, time, realm, Optional.empty(), Optional.empty(),
                Optional.empty(), reason, Optional.empty(), Optional.of(problem));
    }

    /** The lead of the realm passed from {@code before} to {@code now}: told once, by the new leader. */
    static Notification leader(String realm, String before, String now, Instant time) {
        return new Notification(newId(), Type.LEADER, false, time, realm, Optional.empty(), Optional.of(before),
                Optional.of(now), "the lead passed from " + before + " to " + now, Optional.empty(), Optional.empty());
    }

    /** Whether a webhook that filters on {@code phases} takes it: app events from or to one of them, every other event. */
    boolean passes(Set<String> phases) {
        return type != Type.APP || from.filter(phases::contains).isPresent() || to.filter(phases::contains).isPresent();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
