package dev.doppel.jobs;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.doppel.runtime.DoppelConfig;

/**
 * Relays events from the database to the browsers connected to this web node. It reads a short window of
 * recent events on every poll and skips those already sent, because a row with a lower id can commit after one
 * with a higher id; the window only has to outlast the longest transaction that writes events.
 */
@ApplicationScoped
public class EventHub {

    /** Events younger than this are re-read on each poll. */
    static final long WINDOW_MILLIS = 10_000;
    private static final int SEEN_LIMIT = 20_000;

    public record Event(long id, UUID ownerId, UUID jobId, String kind, String data) {
    }

    private static final Logger LOG = Logger.getLogger(EventHub.class);

    private final Map<UUID, Set<Consumer<Event>>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> seen = new LinkedHashSet<>();

    @Inject
    JobsConfig config;

    public Runnable subscribe(UUID ownerId, Consumer<Event> listener) {
        listeners.computeIfAbsent(ownerId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> {
            Set<Consumer<Event>> set = listeners.get(ownerId);
            if (set != null) {
                set.remove(listener);
                if (set.isEmpty()) {
                    listeners.remove(ownerId, set);
                }
            }
        };
    }

    private ScheduledExecutorService poller;

    /** Quarkus's scheduler runs at most once a second; progress should feel live, so this has its own thread. */
    void onStart(@Observes StartupEvent event, DoppelConfig doppel) {
        if (!doppel.role().servesWeb()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "doppel-event-hub");
            t.setDaemon(true);
            return t;
        });
        long every = config.eventPoll().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            QuarkusTransaction.requiringNew().run(this::poll);
        } catch (RuntimeException e) {
            LOG.debugf("Event poll failed: %s", e.getMessage());
        }
    }

    void poll() {
        if (listeners.isEmpty()) {
            return;
        }
        Instant since = Instant.now().minusMillis(WINDOW_MILLIS);
        List<JobEvent> recent = JobEvent.list("createdAt >= ?1 and ownerId in ?2", Sort.ascending("id"), since,
                Set.copyOf(listeners.keySet()));
        for (JobEvent e : recent) {
            if (!remember(e.id)) {
                continue;
            }
            Set<Consumer<Event>> targets = listeners.get(e.ownerId);
            if (targets == null) {
                continue;
            }
            Event event = new Event(e.id, e.ownerId, e.jobId, e.kind, e.data);
            for (Consumer<Event> target : targets) {
                target.accept(event);
            }
        }
    }

    private synchronized boolean remember(long id) {
        if (!seen.add(id)) {
            return false;
        }
        if (seen.size() > SEEN_LIMIT) {
            var it = seen.iterator();
            for (int i = 0; i < SEEN_LIMIT / 10 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        return true;
    }
}
