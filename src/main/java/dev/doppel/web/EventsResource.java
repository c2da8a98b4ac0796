package dev.doppel.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import dev.doppel.account.CurrentUser;
import dev.doppel.jobs.EventHub;

/**
 * The caller's live events as Server-Sent Events: job changes now, loss points and previews later. Only the
 * caller's own events are ever subscribed to.
 */
@Path("/events")
@Tag(name = "Jobs")
@Authenticated
public class EventsResource {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    @Inject
    CurrentUser me;

    @Inject
    EventHub hub;

    // Blocking: resolving the caller reads the database, which an event-loop thread must not do.
    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live job progress of the caller (event name 'job', data a Job)")
    // Events are not a JSON body that OpenAPI 3.1 can describe; without this the document would describe the
    // server-side OutboundSseEvent class.
    @APIResponse(responseCode = "200", description = "Server-Sent Events: 'job' (data: a JobView), 'loss' (data: "
            + "{modelId, iteration, lossA, lossB, smoothed}) and 'preview' (data: {modelId, iteration})",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        UUID owner = me.id();
        Multi<OutboundSseEvent> events = Multi.createFrom().emitter(emitter -> {
            Runnable unsubscribe = hub.subscribe(owner, e -> emitter.emit(sse.newEventBuilder()
                    .name(e.kind())
                    .id(Long.toString(e.id()))
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, e.data())
                    .build()));
            emitter.onTermination(unsubscribe);
        });
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        return Multi.createBy().concatenating().streams(hello,
                Multi.createBy().merging().streams(events, keepAlive));
    }
}
