package io.remoteappmanager.testing;

import io.remoteappmanager.lifecycle.Jobs;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Periodic jobs that run only when a test says so: timing is tested by driving the clock, not by waiting for it. */
public final class ManualJobs implements Jobs {

    private record Scheduled(Duration interval, Runnable task) {}

    private final Map<String, Scheduled> active = new ConcurrentHashMap<>();

    @Override
    public Job every(String name, Duration interval, Runnable task) {
        if (active.putIfAbsent(name, new Scheduled(interval, task)) != null) {
            throw new IllegalStateException("a job named " + name + " is scheduled already");
        }
        return () -> active.remove(name);
    }

    /** The interval of the scheduled job {@code name}, if it is scheduled. */
    public Optional<Duration> interval(String name) {
        return Optional.ofNullable(active.get(name)).map(Scheduled::interval);
    }

    /** Runs the job {@code name} once, now, on the caller's thread, as if its time had come. */
    public void run(String name) {
        Scheduled job = active.get(name);
        if (job == null) {
            throw new IllegalStateException("no job named " + name + " is scheduled; scheduled: " + active.keySet());
        }
        job.task().run();
    }

    /** The names of the jobs scheduled now. */
    public Set<String> active() {
        return Set.copyOf(active.keySet());
    }
}
