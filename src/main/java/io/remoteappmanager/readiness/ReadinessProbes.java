package io.remoteappmanager.readiness;

import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Probes started containers asynchronously (never on the reconcile loop or an executor worker, so a slow
 * app stalls no other) until they answer below 500 or time out, remembers the verdict per container and address,
 * and wakes the loop on each verdict so routes follow within one probe period. At most
 * {@code maxConcurrent} requests are in flight: a thousand probes at once would time each other out. Probes waiting for
 * a slot go in the order they became due, but those of containers started since this controller began go before
 * adopted ones: after a restart, an app someone just asked for does not wait behind a thousand adopted apps being
 * checked again. While {@linkplain #holdAdopted held}, adopted containers' probes take no slot at all: the engine starts
 * those apps first, undisturbed by a thousand requests through its port proxies.
 *
 * <p>A verdict holds for the address it was reached at: when a container is served somewhere else under the same id
 * (a swarm service whose task moved to another node, a container restarted on a new port), it is probed again
 * there, and is not ready until it answers there.
 *
 * <p>An app whose liveness is checked ({@link LivenessSettings}) goes on being probed once ready, every liveness
 * period, on the same slots; as many failed checks in a row as its failure threshold make it unhealthy, for good.
 */
public final class ReadinessProbes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReadinessProbes.class);

    private final ProbeDefaults.Readiness defaults;
    private final ProbeDefaults.Liveness livenessDefaults;
    private final boolean enabled;
    private final Consumer<String> wake;
    private final Semaphore inFlight;
    /** Probes due for a request while every slot was taken: started containers' first, each kind in order of turns. */
    private final Queue<Turn> waitingTurn = new PriorityBlockingQueue<>(64, Turn.ORDER);
    private final AtomicLong turns = new AtomicLong();
    /** Whether adopted containers' probes wait for {@link #holdAdopted}'s release before they take a slot. */
    private volatile boolean adoptedHeld;
    /** When this controller began: a container created before is adopted. */
    private final Instant began = Instant.now();
    private final Map<ProbeKey, Probe> probes = new ConcurrentHashMap<>();
    /** How many probes were made: each probe's number, so that a forgetting pass can tell which it has not seen. */
    private final AtomicLong started = new AtomicLong();
    /** Containers whose probe URL cannot be built (keyed as probes are), with why: not ready, for that app alone. */
    private final Map<ProbeKey, String> unprobeable = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final ScheduledExecutorService timer = Threads.serial("readiness");

    /**
     * @param defaults whether probing is on (else every running container is ready at once), how many requests may
     *                 be in flight, which apps are checked once ready, and the settings a spec does not override
     * @param wake     asks the controller for a pass, with a reason
     */
    public ReadinessProbes(ProbeDefaults defaults, Consumer<String> wake) {
        this.defaults = defaults.readiness();
        this.livenessDefaults = defaults.liveness();
        this.enabled = this.defaults.enabled();
        this.inFlight = new Semaphore(this.defaults.maxConcurrent());
        this.wake = wake;
    }

    /**
     * Starts probing an app's container once it runs and is published, under its spec's settings (or, for a
     * container kept without its spec, the defaults at its urlpath label), unless it is probed already. One app
     * whose path makes no URL is logged and not ready, with that reason; the others go on. With readiness probes
     * off, only apps whose liveness is checked are probed, as ready from the start.
     */
    public void watch(ObservedContainer container, Optional<AppSpec> spec) {
        ProbeKey key = ProbeKey.of(container);
        if (!container.isRunning() || container.endpoint().isEmpty() || probes.containsKey(key)) {
            return;
        }
        Optional<String> urlpath = spec.map(s -> s.urlpath(container.urlId())).or(container::urlpath);
        Optional<LivenessSettings> liveness = spec.flatMap(s -> LivenessSettings.of(livenessDefaults, s));
        if ((!enabled && liveness.isEmpty()) || urlpath.isEmpty()) {
            return;
        }
        ReadinessSettings settings = ReadinessSettings.of(defaults,
                spec.map(AppSpec::readiness).orElse(AppSpec.Readiness.DEFAULTS));
        Endpoint endpoint = container.endpoint().get();
        try {
            watch(key, settings.url(endpoint, urlpath.get()), settings,
                    liveness.map(l -> new LivenessCheck(l, l.url(endpoint, urlpath.get()))),
                    container.created().isBefore(began));
        } catch (IllegalArgumentException e) {
            if (unprobeable.put(key, "not ready: no readiness probe, its URL is not valid: " + e.getMessage()) == null) {
                LOG.warnf("%s: no readiness probe, its URL is not valid: %s", container.key(), e.getMessage());
            }
        }
    }

    /**
     * Starts probing at {@code url} under {@code key}, then checking its liveness if given, unless that is already
     * probed or known; an {@code adopted} container's probe waits behind those of containers started since.
     */
    void watch(ProbeKey key, URI url, ReadinessSettings settings, Optional<LivenessCheck> liveness, boolean adopted) {
        if (!enabled && liveness.isEmpty()) {
            return;
        }
        Probe fresh = new Probe(key, url, settings, liveness, adopted);
        if (probes.putIfAbsent(key, fresh) == null) {
            fresh.attempt();
        }
    }

    /**
     * What the container's probe has found where the container is served now: ready, still probing (also before its
     * probe starts there, and while the engine has not told its address yet), not ready in time, or unhealthy. Every
     * container with an address is ready when probing is off, until its liveness check fails.
     */
    public ProbeVerdict verdict(ObservedContainer container) {
        if (container.endpoint().isEmpty()) {
            return ProbeVerdict.probing("starting: waiting for the engine to tell its published port");
        }
        return verdict(ProbeKey.of(container));
    }

    /** The verdict of the probe under {@code key}. */
    ProbeVerdict verdict(ProbeKey key) {
        Probe probe = probes.get(key);
        if (probe != null) {
            return probe.verdict();
        }
        if (!enabled) {
            return ProbeVerdict.READY;
        }
        String refused = unprobeable.get(key);
        return refused == null ? ProbeVerdict.probing("starting: readiness probe not started yet") : ProbeVerdict.notReady(refused);
    }

    /**
     * Holds adopted containers' probes back until the returned action runs (once; later runs do nothing): the
     * controller releases them when its first pass's own launches have answered. Probes of containers started since
     * this controller began are sent as ever.
     */
    public Runnable holdAdopted() {
        adoptedHeld = true;
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                adoptedHeld = false;
                sendWhileSlotsFree();
            }
        };
    }

    /** How many probe requests wait for a slot now (or for adopted probes' release). */
    int waitingForASlot() {
        return waitingTurn.size();
    }

    /** Drops what is known of the container, wherever it was served; a probe still under way for it stops. */
    public void forget(String containerId) {
        probes.keySet().removeIf(key -> key.containerId().equals(containerId));
        unprobeable.keySet().removeIf(key -> key.containerId().equals(containerId));
    }

    /**
     * Forgets every probe but those of the containers {@code live} returns where they are served now (the others are
     * gone, or moved). Only probes made before {@code live} is asked can go: a worker writes a container into the
     * cache before it starts that container's probe, so a probe started meanwhile is never dropped for a read that
     * came too early to see its container (which left the app Starting until the next periodic pass).
     */
    public void retainOnly(Supplier<? extends Collection<ObservedContainer>> live) {
        long horizon = started.get();
        Set<ProbeKey> refused = Set.copyOf(unprobeable.keySet());
        Collection<ObservedContainer> running = live.get();
        Set<ProbeKey> keys = new HashSet<>(running.size() * 2);
        running.forEach(container -> keys.add(ProbeKey.of(container)));
        probes.values().removeIf(probe -> probe.number <= horizon && !keys.contains(probe.key));
        refused.forEach(key -> {
            if (!keys.contains(key)) {
                unprobeable.remove(key);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private enum State { PROBING, READY, TIMED_OUT, UNHEALTHY }

    /** A probe's place in the queue for a slot: started containers' probes first, then by when each became due. */
    private record Turn(Probe probe, long number) {
        static final Comparator<Turn> ORDER = Comparator.comparing((Turn turn) -> turn.probe.adopted)
                .thenComparingLong(Turn::number);
    }

    /**
     * One container's probe: attempts every period until an answer below 500; past the timeout it is
     * not ready, and attempts once per timeout until it answers or is forgotten. Once ready, it checks the
     * container's liveness every liveness period, if it has a check, until that fails for good.
     */
    private final class Probe {

        final ProbeKey key;
        final long number = started.incrementAndGet();
        final URI url;
        final ReadinessSettings settings;
        final Optional<LivenessCheck> liveness;
        final boolean adopted;
        final long startedNanos = System.nanoTime();
        volatile State state = enabled ? State.PROBING : State.READY;
        volatile String lastAnswer = "no answer yet";

        Probe(ProbeKey key, URI url, ReadinessSettings settings, Optional<LivenessCheck> liveness, boolean adopted) {
            this.key = key;
            this.url = url;
            this.settings = settings;
            this.liveness = liveness;
            this.adopted = adopted;
        }

        ProbeVerdict verdict() {
            return switch (state) {
                case READY -> ProbeVerdict.READY;
                case PROBING -> ProbeVerdict.probing("starting: waiting for " + url + " to answer (last: " + lastAnswer + ")");
                case TIMED_OUT -> ProbeVerdict.notReady("not ready: " + url + " did not answer below 500 within "
                        + settings.timeout().toMillis() + " ms (last: " + lastAnswer + ")");
                case UNHEALTHY -> ProbeVerdict.unhealthy(liveness.orElseThrow().reason());
            };
        }

        boolean current() {
            return probes.get(key) == this && !timer.isShutdown();
        }

        /** Queues this probe's next request; it is sent as soon as a slot is free. */
        void attempt() {
            if (current()) {
                waitingTurn.add(new Turn(this, turns.incrementAndGet()));
                sendWhileSlotsFree();
            }
        }

        /**
         * Sends one request in a slot already taken for it, and gives the slot back when it is answered, or at
         * once when no request can even be built from the URL.
         */
        void send() {
            try {
                HttpRequest request = request();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    inFlight.release();
                    answered(response == null ? -1 : response.statusCode(), error);
                    sendWhileSlotsFree();
                });
            } catch (RuntimeException e) {
                inFlight.release();
                answered(-1, e);
            }
        }

        /** While ready, a liveness check; before, a readiness probe. */
        private HttpRequest request() {
            Optional<LivenessCheck> live = liveness.filter(check -> state == State.READY);
            return HttpRequest.newBuilder(live.map(LivenessCheck::url).orElse(url))
                    .timeout(live.map(LivenessCheck::timeout).orElseGet(settings::requestTimeout)).GET().build();
        }

        private void answered(int status, Throwable error) {
            if (probes.get(key) != this) {
                return;
            }
            if (state == State.READY) {
                checked(error == null && status < 500 ? null : answer(status, error));
                return;
            }
            if (error == null && status < 500) {
                state = State.READY;
                wake.accept("app ready: " + url);
                liveness.ifPresent(check -> later(check.period()));
                return;
            }
            lastAnswer = answer(status, error);
            if (state == State.PROBING
                    && Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(settings.timeout()) >= 0) {
                state = State.TIMED_OUT;
                wake.accept("app not ready in time: " + url);
            }
            // Past its timeout a probe goes on, once per timeout: an adopted app, which is never removed, gets
            // its route when it answers; a container this controller started is removed by the gate meanwhile.
            later(state == State.TIMED_OUT ? settings.timeout() : settings.period());
        }

        /** A liveness check's outcome: {@code failure} null when it answered below 500 in time. */
        private void checked(String failure) {
            LivenessCheck check = liveness.orElseThrow();
            if (failure == null) {
                check.passed();
            } else if (check.failed(failure)) {
                state = State.UNHEALTHY;
                LOG.infof("container %s is unhealthy: %s", key, check.reason());
                wake.accept("app unhealthy: " + check.url());
                return;
            }
            later(check.period());
        }

        private void later(Duration pause) {
            try {
                timer.schedule(this::attempt, pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // the controller is stopping
            }
        }
    }

    /**
     * Sends queued probes while slots are free, up to the first adopted one while those are held. Called after every
     * enqueue, every answer and the release, so a probe queued just as the last request was answered is still sent.
     */
    private void sendWhileSlotsFree() {
        while (!waitingTurn.isEmpty() && inFlight.tryAcquire()) {
            Turn next = waitingTurn.poll();
            if (next != null && next.probe().adopted && adoptedHeld) {
                waitingTurn.add(next);
                inFlight.release();
                if (adoptedHeld) {
                    return;
                }
            } else if (next != null && next.probe().current()) {
                next.probe().send();
            } else {
                inFlight.release();
            }
        }
    }

    /** What a failed request got: its status, or its error. */
    private static String answer(int status, Throwable error) {
        return error == null ? "HTTP " + status : describe(error);
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
