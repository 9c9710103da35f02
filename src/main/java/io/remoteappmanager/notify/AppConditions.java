package io.remoteappmanager.notify;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows each app's phase changes and says when it gets into or out of trouble. An app's <em>condition</em> is the
 * trouble it is in: a troubled phase (by name, so phases added later count), or {@code PendingTooLong} once it has
 * been Pending for the configured time. Passing phases (Pending, Starting, Restarting, Recreating, Removing) keep
 * the condition, so a crash loop (CrashLoopBackOff, Restarting, CrashLoopBackOff, ...) is one episode: one event when
 * it begins and one when the app settles (Running, Completed, Suspended, ...) or is gone. Every change of condition
 * is one event. Changes are read from each app's transitions, so none is missed between two snapshots.
 */
final class AppConditions {

    static final Set<String> TROUBLE = Set.of("CrashLoopBackOff", "Failed", "Unhealthy", "Invalid", "Conflict");
    static final Set<String> PASSING = Set.of("Pending", "Starting", "Restarting", "Recreating", "Removing");
    static final String PENDING = "Pending";
    static final String PENDING_TOO_LONG = "PendingTooLong";

    private final String realm;
    private final Duration pendingTooLong;
    private final Map<AppKey, Track> tracks = new HashMap<>();

    AppConditions(String realm, Duration pendingTooLong) {
        this.realm = realm;
        this.pendingTooLong = pendingTooLong;
    }

    /**
     * Brings every app up to date with {@code apps} at {@code now}, telling {@code out} of each change of condition;
     * an app no longer listed that was in trouble gets its last event.
     */
    void follow(Collection<AppStatus> apps, Instant now, Consumer<Notification> out) {
        Set<AppKey> gone = new HashSet<>(tracks.keySet());
        for (AppStatus app : apps) {
            gone.remove(app.key());
            tracks.computeIfAbsent(app.key(), Track::new).follow(app, now, out);
        }
        for (AppKey key : gone) {
            tracks.remove(key).gone(now, out);
        }
    }

    /** When the next app would have been Pending too long, if one is Pending and not yet told of. */
    Optional<Instant> wakeAt() {
        return tracks.values().stream().flatMap(t -> t.pendingTooLongAt().stream()).min(Instant::compareTo);
    }

    /** {@code 5m}, {@code 1m30s}: a duration as the configuration writes it. */
    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** What is known of one app: its phase, since when, its condition and the last transition read. */
    private final class Track {
        private final AppKey key;
        private Optional<String> name = Optional.empty();
        private Optional<String> phase = Optional.empty();
        private Instant phaseSince = Instant.MIN;
        private Optional<String> condition = Optional.empty();
        private Optional<Transition> lastSeen = Optional.empty();

        Track(AppKey key) {
            this.key = key;
        }

        void follow(AppStatus app, Instant now, Consumer<Notification> out) {
            name = app.name();
            for (Transition transition : unseen(app.transitions())) {
                checkPending(transition.at(), out);
                enter(transition, out);
            }
            checkPending(now, out);
        }

        void gone(Instant now, Consumer<Notification> out) {
            if (condition.isPresent()) {
                out.accept(event(false, now, condition, Optional.empty(),
                        "the app is gone: no spec names it and its container is removed"));
            }
        }

        Optional<Instant> pendingTooLongAt() {
            return phase.filter(PENDING::equals).filter(p -> !condition.equals(Optional.of(PENDING_TOO_LONG)))
                    .map(p -> phaseSince.plus(pendingTooLong));
        }

        /** The transitions after the last one read; all of them when it has dropped out of the kept ones. */
        private List<Transition> unseen(List<Transition> all) {
            int last = lastSeen.map(all::lastIndexOf).orElse(-1);
            return all.subList(last + 1, all.size());
        }

        private void enter(Transition transition, Consumer<Notification> out) {
            String to = transition.to().name();
            Optional<String> next = TROUBLE.contains(to) ? Optional.of(to)
                    : PASSING.contains(to) ? condition : Optional.empty();
            if (!next.equals(condition)) {
                out.accept(event(next.isPresent(), transition.at(),
                        condition.or(() -> transition.from().map(Enum::name)), next.or(() -> Optional.of(to)),
                        transition.reason()));
            }
            condition = next;
            phase = Optional.of(to);
            phaseSince = transition.at();
            lastSeen = Optional.of(transition);
        }

        private void checkPending(Instant at, Consumer<Notification> out) {
            Optional<Instant> due = pendingTooLongAt();
            if (due.isPresent() && !at.isBefore(due.get())) {
                String why = lastSeen.map(Transition::reason).orElse("");
                out.accept(event(true, due.get(), condition.or(() -> phase), Optional.of(PENDING_TOO_LONG),
                        "Pending for more than " + readable(pendingTooLong) + ": " + why));
                condition = Optional.of(PENDING_TOO_LONG);
            }
        }

        private Notification event(boolean firing, Instant time, Optional<String> from, Optional<String> to,
                String reason) {
            return Notification.app(realm, new Notification.App(key, name), firing, time, from, to, reason);
        }
    }
}
