package io.remoteappmanager.api.events;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says what changed between two {@link LiveState}s as the events a client needs to catch up, so the stream sends
 * changes only and a page patches what changed. Pure: no clock, no I/O.
 */
public final class EventDiff {

    /** The one field of an app's view that every pass renews even when nothing about the app changed. */
    private static final String RENEWED_EACH_PASS = "updated";

    private EventDiff() {}

    /** The first event of every connection: the whole state. */
    public static LiveEvent snapshot(LiveState state) {
        return new LiveEvent(LiveEvent.SNAPSHOT, new LiveEvent.Snapshot(state.apps(), state.status(), state.source()));
    }

    /**
     * The events that turn {@code before} into {@code after}, in this order: engine, source, problems, each changed
     * app (by key), each removed app, the pass, the proxy. Nothing changed, no events.
     */
    public static List<LiveEvent> between(LiveState before, LiveState after) {
        List<LiveEvent> events = new ArrayList<>();
        StatusView was = before.status();
        StatusView is = after.status();
        if (was.engineReachable() != is.engineReachable() || !Objects.equals(was.engineError(), is.engineError())) {
            events.add(new LiveEvent(LiveEvent.ENGINE, new LiveEvent.Engine(is.engineReachable(), is.engineError())));
        }
        if (!Objects.equals(before.source(), after.source())) {
            events.add(new LiveEvent(LiveEvent.SOURCE, after.source()));
        }
        if (!was.problems().equals(is.problems())) {
            events.add(new LiveEvent(LiveEvent.PROBLEMS, new LiveEvent.Problems(is.problems())));
        }
        appEvents(before.apps(), after.apps(), events);
        if (!PassFields.of(was).equals(PassFields.of(is))) {
            events.add(new LiveEvent(LiveEvent.PASS, is));
        }
        if (!Objects.equals(was.proxy(), is.proxy())) {
            events.add(new LiveEvent(LiveEvent.PROXY, is.proxy()));
        }
        return events;
    }

    private static void appEvents(List<AppView> before, List<AppView> after, List<LiveEvent> events) {
        Map<String, AppView> gone = new LinkedHashMap<>();
        before.forEach(app -> gone.put(app.key(), app));
        for (AppView app : after) {
            AppView old = gone.remove(app.key());
            if (old == null || !sameExceptRenewed(old, app)) {
                events.add(new LiveEvent(LiveEvent.APP, app));
            }
        }
        gone.keySet().forEach(key -> events.add(new LiveEvent(LiveEvent.APP_REMOVED, new LiveEvent.Removed(key))));
    }

    /**
     * Whether two views of one app agree in every field but {@code updated}. Read through the record's components,
     * so fields added to {@link AppView} later are compared without touching this class.
     */
    private static boolean sameExceptRenewed(AppView a, AppView b) {
        for (RecordComponent field : AppView.class.getRecordComponents()) {
            if (!field.getName().equals(RENEWED_EACH_PASS) && !Objects.equals(value(field, a), value(field, b))) {
                return false;
            }
        }
        return true;
    }

    private static Object value(RecordComponent field, AppView app) {
        try {
            return field.getAccessor().invoke(app);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of an app view", e);
        }
    }

    /** What identifies one pass in the status: a new pass changes these, a proxy sync alone does not. */
    private record PassFields(Instant finishedAt, long durationMillis, String trigger, int actions, int failures,
            List<String> warnings) {

        static PassFields of(StatusView s) {
            return new PassFields(s.finishedAt(), s.durationMillis(), s.trigger(), s.actions(), s.failures(), s.warnings());
        }
    }
}
