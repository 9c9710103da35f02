package io.remoteappmanager.api.events;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.status.AppChange;
import io.remoteappmanager.status.StatusChanges;
import io.remoteappmanager.status.StatusSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the status projection says changed into the events a client needs to catch up, in the API's own JSON
 * views, so the stream sends changes only and a page patches what changed. Pure: no clock, no I/O, and no
 * comparison of its own.
 */
public final class LiveEvents {

    private LiveEvents() {}

    /** The first event of every connection: the whole state. */
    public static LiveEvent snapshot(StatusSnapshot snapshot) {
        return new LiveEvent(LiveEvent.SNAPSHOT, new LiveEvent.Snapshot(snapshot.all().stream().map(AppView::of).toList(),
                StatusView.of(snapshot), snapshot.source()));
    }

    /**
     * The events of one snapshot's {@code changes}, where {@code status} is that snapshot as {@code GET /api/v1/status}
     * shows it, in this order: engine, source, problems, each changed app (by key), each removed app, the pass, the
     * proxy, the leader. Nothing changed, no events.
     */
    public static List<LiveEvent> of(StatusChanges changes, StatusView status) {
        List<LiveEvent> events = new ArrayList<>();
        changes.engine().ifPresent(engine -> events.add(new LiveEvent(LiveEvent.ENGINE,
                new LiveEvent.Engine(engine.trusted(), engine.error().orElse(null)))));
        changes.source().ifPresent(source -> events.add(new LiveEvent(LiveEvent.SOURCE, source)));
        changes.problems().ifPresent(problems -> events.add(new LiveEvent(LiveEvent.PROBLEMS,
                new LiveEvent.Problems(problems.now()))));
        for (AppChange app : changes.apps()) {
            events.add(app.now().map(now -> new LiveEvent(LiveEvent.APP, AppView.of(now)))
                    .orElseGet(() -> new LiveEvent(LiveEvent.APP_REMOVED, new LiveEvent.Removed(app.key().toString()))));
        }
        changes.pass().ifPresent(pass -> events.add(new LiveEvent(LiveEvent.PASS, status)));
        changes.proxy().ifPresent(proxy -> events.add(new LiveEvent(LiveEvent.PROXY, status.proxy())));
        changes.leader().ifPresent(leader -> events.add(new LiveEvent(LiveEvent.LEADER, status.leader())));
        return events;
    }
}
