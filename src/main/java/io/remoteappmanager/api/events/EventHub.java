package io.remoteappmanager.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusChanges;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Feeds every client of {@code GET /api/v1/events}: each published status snapshot carries what changed
 * ({@link io.remoteappmanager.status.StatusChanges}), which it turns into events ({@link LiveEvents}) and sends to
 * every client; a new client first gets a snapshot, then the changes of every later one. One thread does all of
 * it, so every client sees the events in one order and a snapshot is never overtaken by a change.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);
    /** A comment this often keeps proxies and load balancers from cutting an idle stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final StatusBoard status;
    private final ObjectMapper json;
    private final ScheduledExecutorService worker = Threads.serial("events");
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** Clients connected or connecting: while there are none, snapshots are not even queued. */
    private final AtomicInteger listening = new AtomicInteger();

    public EventHub(StatusBoard status, ObjectMapper json) {
        this.status = status;
        this.json = json;
        status.listen(this::published);
        worker.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends {@code sink} a snapshot, then every change after it until it closes. */
    public void subscribe(SseEventSink sink, Sse sse) {
        listening.incrementAndGet();
        worker.execute(() -> {
            StatusSnapshot snapshot = status.current();
            Client client = new Client(sink, sse, snapshot.sequence());
            if (client.send(LiveEvents.snapshot(snapshot), this)) {
                clients.add(client);
            } else {
                listening.decrementAndGet();
            }
        });
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        clients.forEach(Client::close);
        clients.clear();
    }

    /** Called on whichever thread published: hands the snapshot's changes (not the snapshot) to the worker. */
    private void published(StatusSnapshot snapshot) {
        if (listening.get() > 0) {
            StatusChanges changes = snapshot.changes();
            StatusView view = StatusView.of(snapshot);
            worker.execute(() -> send(changes, view));
        }
    }

    /** Sends the events of one snapshot to every client whose first snapshot came before it. */
    private void send(StatusChanges changes, StatusView view) {
        List<Client> behind = clients.stream().filter(c -> c.since < changes.sequence()).toList();
        if (!behind.isEmpty()) {
            LiveEvents.of(changes, view).forEach(event -> broadcast(event, behind));
        }
    }

    private void broadcast(LiveEvent event, List<Client> to) {
        String data = toJson(event);
        to.forEach(c -> c.send(c.sse.newEventBuilder().name(event.type()).data(data).build(), this));
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
            listening.decrementAndGet();
            LOG.debugf("events client gone: %s", why.toString());
            client.close();
        }
    }

    /**
     * One connected client: its sink, the {@link Sse} that builds its events, and the sequence number of the
     * snapshot it started from.
     */
    private record Client(SseEventSink sink, Sse sse, long since) {

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
