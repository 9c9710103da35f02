package io.remoteappmanager.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.proxy.ProxyStatus;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Feeds every client of {@code GET /api/v1/events}: on each status snapshot it takes the state, diffs it with the
 * last one ({@link EventDiff}) and sends the events to every client; a new client first gets a snapshot. One thread
 * does all of it, so every client sees the events in one order and a snapshot is never overtaken by a change.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);
    /** A comment this often keeps proxies and load balancers from cutting an idle stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /**
     * The proxy's route sync publishes no snapshots of its own: its state is compared this often while a client
     * listens (cheap: the diff of a thousand apps takes about a millisecond).
     */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final StatusBoard status;
    private final ProxyStatus proxy;
    private final ObjectMapper json;
    private final ScheduledExecutorService worker = Threads.serial("events");
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** The state the clients were last told about; only the worker thread touches it. */
    private LiveState told;

    public EventHub(StatusBoard status, ProxyStatus proxy, ObjectMapper json) {
        this.status = status;
        this.proxy = proxy;
        this.json = json;
        status.listen(snapshot -> changed());
        worker.scheduleWithFixedDelay(this::recheck, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends {@code sink} a snapshot, then every change until it closes. */
    public void subscribe(SseEventSink sink, Sse sse) {
        worker.execute(() -> {
            refresh();
            Client client = new Client(sink, sse);
            if (client.send(EventDiff.snapshot(told), this)) {
                clients.add(client);
            }
        });
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        clients.forEach(Client::close);
        clients.clear();
    }

    /** Called on whichever thread changed the status: only queues a refresh, at most one at a time. */
    private void changed() {
        if (!clients.isEmpty() && refreshQueued.compareAndSet(false, true)) {
            worker.execute(this::refresh);
        }
    }

    private void recheck() {
        if (!clients.isEmpty()) {
            refresh();
        }
    }

    /** Takes the state now and sends what changed since the clients were last told. */
    private void refresh() {
        refreshQueued.set(false);
        StatusSnapshot snapshot = status.current();
        LiveState now = new LiveState(snapshot.all().stream().map(AppView::of).toList(),
                StatusView.of(snapshot, proxy.snapshot()), snapshot.source());
        if (told != null) {
            EventDiff.between(told, now).forEach(this::broadcast);
        }
        told = now;
    }

    private void broadcast(LiveEvent event) {
        String data = toJson(event);
        clients.forEach(c -> c.send(c.sse.newEventBuilder().name(event.type()).data(data).build(), this));
    }

    private void keepAlive() {
        clients.forEach(c -> c.send(c.sse.newEventBuilder().comment("keep-alive").build(), this));
    }

    private String toJson(LiveEvent event) {
        try {
            return json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + event.type() + " event as JSON", e);
        }
    }

    private void dropped(Client client, Throwable why) {
        if (clients.remove(client)) {
            LOG.debugf("events client gone: %s", why.toString());
            client.close();
        }
    }

    /** One connected client: its sink, and the {@link Sse} that builds its events. */
    private record Client(SseEventSink sink, Sse sse) {

        boolean send(LiveEvent event, EventHub hub) {
            return send(sse.newEventBuilder().name(event.type()).data(hub.toJson(event)).build(), hub);
        }

        /** Sends without waiting; a client that is gone, or whose write fails, is dropped. */
        boolean send(OutboundSseEvent event, EventHub hub) {
            if (sink.isClosed()) {
                hub.dropped(this, new IllegalStateException("stream closed"));
                return false;
            }
            sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    hub.dropped(this, failure);
                }
            });
            return true;
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing an events stream: %s", e.toString());
            }
        }
    }
}
