package jp.otasuke.web.live;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import jp.otasuke.web.session.Person;

/**
 * {@code GET /live}: the change notices this person may see, as server-sent events ({@code notice}); {@code hello}
 * first with the position to resume from, {@code resync} when a resumed position is no longer known here (the
 * page then re-reads what it shows). A comment every 15 seconds keeps proxies from closing an idle stream and
 * lets the page notice a dead one.
 */
@Path("/live")
@PermitAll // needs a session (application.properties); what each person is told is filtered by Viewer
public class LiveResource {

    private static final ScheduledExecutorService KEEP_ALIVE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-live-keep-alive");
        t.setDaemon(true);
        return t;
    });

    private final LiveFeed feed;
    private final Person person;

    LiveResource(LiveFeed feed, Person person) {
        this.feed = feed;
        this.person = person;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @SuppressWarnings("unchecked")
    public void live(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Viewer viewer = Viewer.of(person);
        Long after = resumeFrom(lastEventId);
        Consumer<Notice>[] listener = new Consumer[1];
        listener[0] = notice -> {
            if (sink.isClosed()) {
                feed.forget(listener[0]);
            } else if (viewer.sees(notice)) {
                send(sink, sse.newEventBuilder().id(feed.instance + "-" + notice.seq()).name("notice")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(notice.json()).build(), listener[0]);
            }
        };
        List<Notice> missed = feed.listen(listener[0], after);
        if (missed == null) {
            send(sink, sse.newEventBuilder().id(feed.instance + "-" + feed.position()).name("resync").data("{}").build(),
                    listener[0]);
        } else {
            send(sink, sse.newEventBuilder().id(feed.instance + "-" + feed.position()).name("hello").data("{}").build(),
                    listener[0]);
            missed.forEach(listener[0]);
        }
        ScheduledFuture<?>[] beat = new ScheduledFuture<?>[1];
        beat[0] = KEEP_ALIVE.scheduleAtFixedRate(() -> {
            if (sink.isClosed()) {
                feed.forget(listener[0]);
                beat[0].cancel(false);
            } else {
                send(sink, sse.newEventBuilder().comment("keep-alive").build(), listener[0]);
            }
        }, 15, 15, TimeUnit.SECONDS);
    }

    /** The position in an id this instance handed out ("<instance>-<seq>"); null when there is none to resume. */
    private Long resumeFrom(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(feed.instance + "-")) {
            return lastEventId == null ? null : -1L; // another instance's id: re-sync
        }
        try {
            return Long.parseLong(lastEventId.substring(feed.instance.length() + 1));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private void send(SseEventSink sink, OutboundSseEvent event, Consumer<Notice> listener) {
        try {
            sink.send(event).exceptionally(failure -> {
                feed.forget(listener);
                return null;
            });
        } catch (IllegalStateException closed) {
            feed.forget(listener);
        }
    }
}
