package io.remoteappmanager.testing.fake;

import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A watcher that writes down what a stream told it, so a test can compare what an engine emitted: each event as
 * its action with the attribute that qualifies it ({@code die 137}, {@code kill 15}), and whether and why the
 * stream started or broke.
 */
public final class EventLog implements RuntimeWatcher {

    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile Throwable broken;
    private volatile int breaks;

    @Override
    public void started() {
        started = true;
    }

    @Override
    public void event(RuntimeEvent event) {
        events.add(event);
    }

    @Override
    public void broken(Throwable cause) {
        broken = cause;
        breaks++;
    }

    public boolean isStarted() {
        return started;
    }

    public Optional<Throwable> broken() {
        return Optional.ofNullable(broken);
    }

    /** How often the stream said it broke (once at most, by the contract). */
    public int breaks() {
        return breaks;
    }

    public List<RuntimeEvent> events() {
        return List.copyOf(events);
    }

    /** The events about container {@code id}, each as its action and qualifier ({@code create}, {@code die 0}). */
    public List<String> actions(String id) {
        List<String> actions = new ArrayList<>();
        events.stream().filter(e -> e.id().equals(id)).forEach(e -> actions.add(describe(e)));
        return actions;
    }

    /** Every event, each as its action and qualifier. */
    public List<String> actions() {
        return events.stream().map(EventLog::describe).toList();
    }

    private static String describe(RuntimeEvent e) {
        return switch (e.action()) {
            case "die" -> "die " + e.labels().get("exitCode");
            case "kill" -> "kill " + e.labels().get("signal");
            default -> e.action();
        };
    }
}
