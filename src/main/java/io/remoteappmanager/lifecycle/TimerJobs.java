package io.remoteappmanager.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Periodic jobs on one shared timer thread, each run handed to a pool so that a slow run (an engine heartbeat
 * waiting out its deadline) delays no other job: the jobs of a controller that runs outside Quarkus.
 */
public final class TimerJobs implements Jobs, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TimerJobs.class);

    private final ScheduledExecutorService timer = Threads.serial("jobs");
    private final ExecutorService runs = Threads.elastic("job-run");

    @Override
    public Job every(String name, Duration interval, Runnable task) {
        AtomicBoolean running = new AtomicBoolean();
        Runnable skipping = () -> {
            if (running.compareAndSet(false, true)) {
                runs.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "job %s failed; it runs again at its next time", name);
                    } finally {
                        running.set(false);
                    }
                });
            }
        };
        long every = interval.toNanos();
        ScheduledFuture<?> scheduled = timer.scheduleAtFixedRate(skipping, every, every, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }

    /** Ends every job; runs under way finish. */
    @Override
    public void close() {
        timer.shutdownNow();
        runs.shutdown();
    }
}
