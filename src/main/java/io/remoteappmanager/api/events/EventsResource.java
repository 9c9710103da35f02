package io.remoteappmanager.api.events;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/events}: the controller's changes as Server-Sent Events, a {@code snapshot} first, so the
 * dashboard (or {@code curl -N}) follows every app without polling. The API token rules apply as to any read.
 */
@Path("/api/v1/events")
public class EventsResource {

    private final EventHub hub;

    public EventsResource(EventHub hub) {
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        // The stream's head is written here, on the request's thread: the hub sends from a thread of its own, and two
        // threads writing the head at once fail one request with "Response head already sent".
        sink.send(sse.newEventBuilder().comment("connected").build());
        hub.subscribe(sink, sse);
    }
}
