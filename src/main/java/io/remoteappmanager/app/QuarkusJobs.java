package io.remoteappmanager.app;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.remoteappmanager.lifecycle.Jobs;
import java.time.Duration;

/**
 * The running controller's periodic work on quarkus-scheduler, scheduled through its programmatic API because every
 * interval comes from the configuration: each job is named {@code ram-<name>}, starts one interval after it is
 * scheduled, skips a run while the last one still runs, and is unscheduled when its part closes.
 */
final class QuarkusJobs implements Jobs {

    private final Scheduler scheduler;

    QuarkusJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Job every(String name, Duration interval, Runnable task) {
        String id = "ram-" + name;
        scheduler.newJob(id)
                .setInterval(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> task.run())
                .schedule();
        return () -> scheduler.unscheduleJob(id);
    }
}
