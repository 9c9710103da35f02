package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Subscribes to the engine's container events for this realm and wakes the loop when an app's
 * container dies, stops, is killed by the OOM killer or is removed. Resubscribes when the stream breaks.
 */
@ApplicationScoped
public class EngineEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineEvents.class);
    private static final Set<String> WAKING = Set.of("die", "oom", "destroy", "stop", "kill");
    private static final long MAX_DELAY_SECONDS = 30;
    /** Follow-up wake-ups after an event; a loaded engine can take seconds to list a dead container as exited. */
    private static final long[] SETTLE_MILLIS = {250, 2000};

    private final ContainerRuntime runtime;
    private final LabelScheme labels;
    private final ReconcileLoop loop;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ram-engine-events");
        t.setDaemon(true);
        return t;
    });
    private Closeable subscription;
    private long failures;
    private long generation;
    private volatile boolean closed;

    public EngineEvents(ContainerRuntime runtime, LabelScheme labels, ReconcileLoop loop) {
        this.runtime = runtime;
        this.labels = labels;
        this.loop = loop;
    }

    public void start() {
        scheduler.execute(this::subscribe);
    }

    private synchronized void subscribe() {
        if (closed) {
            return;
        }
        try {
            long current = ++generation;
            subscription = runtime.events(labels.realmFilter(), this::onEvent, error -> onBroken(current, error));
            if (failures > 0) {
                loop.trigger("engine event stream resubscribed");
            }
        } catch (RuntimeFault e) {
            scheduleResubscribe(e);
        }
    }

    /**
     * Wakes the loop now, and twice more shortly after: Docker sends "die" a moment before its container
     * listing says "exited", so a pass run at once can still see the container running.
     */
    private void onEvent(RuntimeEvent event) {
        streamProvedHealthy();
        if (WAKING.contains(event.action())) {
            String reason = "container " + event.action() + ": "
                    + labels.appKey(event.labels()).map(Object::toString).orElse(event.containerId());
            loop.trigger(reason);
            for (long delay : SETTLE_MILLIS) {
                scheduler.schedule(() -> loop.trigger(reason + " (settled)"), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Only an event proves a resubscribed stream works (the subscription itself is asynchronous). */
    private synchronized void streamProvedHealthy() {
        if (failures > 0) {
            LOG.info("engine event stream back");
            failures = 0;
        }
    }

    /** A stream reports its end once as an error and maybe again as completion: only the first counts. */
    private synchronized void onBroken(long brokenGeneration, Throwable error) {
        if (!closed && brokenGeneration == generation) {
            generation++;
            scheduleResubscribe(error);
        }
    }

    private synchronized void scheduleResubscribe(Throwable error) {
        failures++;
        long delay = Math.min(MAX_DELAY_SECONDS, 1L << Math.min(failures - 1, 5));
        LOG.warnf("engine event stream broken (%s); resubscribing in %d s", error.getMessage(), delay);
        scheduler.schedule(this::subscribe, delay, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (IOException e) {
                LOG.debugf("closing the event stream: %s", e.getMessage());
            }
        }
    }
}
