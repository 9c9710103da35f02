package io.remoteappmanager.proxy;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.ProxyActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Asks CHP every {@code ram.cull.check-interval} which of this realm's routes carried no request during the last
 * interval, and keeps its answer for the planner, which alone decides who is idle; when CHP lists any, it asks for a
 * pass, so an app past its idle timeout is stopped within one interval. A failed call leaves no evidence (no app
 * counts as idle) until CHP answers again. It runs on a thread of its own, so a slow proxy delays no pass.
 */
public final class ActivityWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ActivityWatch.class);

    private final ChpClient chp;
    private final String realm;
    private final Duration interval;
    private final Clock clock;
    private final Consumer<String> trigger;
    private Jobs.Job job;
    private volatile ProxyActivity latest = ProxyActivity.NONE;

    /** @param trigger asks for a pass, saying why */
    public ActivityWatch(ChpClient chp, String realm, Duration interval, Clock clock, Consumer<String> trigger) {
        this.chp = chp;
        this.realm = realm;
        this.interval = interval;
        this.clock = clock;
        this.trigger = trigger;
    }

    /** Asks the proxy every interval, as one of {@code jobs}. */
    public void start(Jobs jobs) {
        job = jobs.every("cull-check", interval, this::check);
    }

    /** What CHP said at its last answer; {@link ProxyActivity#NONE} before it, or after a call that failed. */
    public ProxyActivity latest() {
        return latest;
    }

    @Override
    public void close() {
        if (job != null) {
            job.close();
        }
    }

    private void check() {
        Instant now = clock.instant();
        try {
            Map<String, ProxyActivity.QuietRoute> quiet = new HashMap<>();
            for (ChpClient.QuietRoute listed : chp.quietSince(now.minus(interval))) {
                if (listed.route().ownedBy(realm)) {
                    quiet.put(listed.route().path(),
                            new ProxyActivity.QuietRoute(listed.route().target(), listed.lastActivity()));
                }
            }
            latest = new ProxyActivity(now, quiet);
            if (!quiet.isEmpty()) {
                trigger.accept("idle check");
            }
        } catch (RuntimeException e) {
            latest = ProxyActivity.NONE;
            LOG.warnf("idle check failed, so no app is culled until the proxy answers: %s", e.getMessage());
        }
    }
}
