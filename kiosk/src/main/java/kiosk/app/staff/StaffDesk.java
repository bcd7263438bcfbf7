package kiosk.app.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import kiosk.app.journal.Journal;
import kiosk.app.service.OwnedThread;
import org.tinylog.Logger;

/**
 * Delivers staff calls through the configured channels on its own thread, so that a slow or absent network never
 * holds up the voice loop. A call is kept in the journal with one pending delivery per channel before this returns;
 * the thread tries each, and a failed one again after a growing pause ({@link Backoff}), across restarts: a new desk
 * picks up what the journal still has pending. Failures are shown by {@link #failures()} ({@code kioskctl status}).
 *
 * <p>The desk owns its thread and its channels: {@link #start()} starts the thread, {@link #close()} stops and joins
 * it and closes the channels, each once.
 */
public final class StaffDesk implements AutoCloseable {

    /** Pauses between attempts: {@code first}, doubling up to {@code longest}; given up after {@code attempts}. */
    public record Backoff(Duration first, Duration longest, int attempts) {
        public static Backoff defaults() {
            return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 60);
        }

        Duration after(int failures) {
            long millis = first.toMillis() << Math.min(failures - 1, 20);
            return Duration.ofMillis(Math.min(millis, longest.toMillis()));
        }
    }

    private final Journal journal;
    private final Map<String, StaffChannel> channels = new LinkedHashMap<>();
    private final String kioskId;
    private final String location;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "staff-desk");
        worker.setDaemon(true);
        return worker;
    });
    private final Map<String, String> abandoned = new ConcurrentHashMap<>();
    private ScheduledFuture<?> nextSweep;
    private boolean started;
    private boolean closed;

    public StaffDesk(Journal journal, List<StaffChannel> channels, String kioskId, String location, Backoff backoff,
                     Clock clock) {
        this.journal = journal;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.kioskId = kioskId;
        this.location = location;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts the thread; calls left pending by an earlier run are delivered now. */
    public synchronized void start() {
        if (!started && !closed) {
            started = true;
            thread.execute(this::sweep);
        }
    }

    /** Keeps the call in the journal (a fast local write) and has the desk's thread deliver it. */
    public long call(StaffCall call) {
        long id = journal.addStaffCall(new Journal.StaffCallRecord(call.time(), call.session(),
                call.cause().label(), call.summary()),
                List.copyOf(channels.keySet()));
        Logger.info("staff call {} ({}) to {}", id, call.cause().label(),
                channels.isEmpty() ? "no channel configured" : String.join(", ", channels.keySet()));
        synchronized (this) {
            if (started && !closed) {
                thread.execute(this::sweep);
            }
        }
        return id;
    }

    /** The shopper's session ended: channels that stay on for a call (the beacon) go off. */
    public void sessionEnded() {
        channels.values().forEach(StaffChannel::sessionEnded);
    }

    /** The channels calls go to, by name. */
    public List<String> channels() {
        return List.copyOf(channels.keySet());
    }

    /**
     * Deliveries that failed and are being retried, or that were given up, one sentence each, for
     * {@code kioskctl status}; empty when every call got through.
     */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (Journal.Delivery delivery : journal.pendingDeliveries()) {
            delivery.lastError().ifPresent(error -> failures.add(String.format(Locale.ROOT,
                    "%s: staff call %d (%s at %s) not delivered after %d attempt%s: %s; next try at %s",
                    delivery.channel(), delivery.callId(), delivery.call().cause(), delivery.call().time(),
                    delivery.attempts(), delivery.attempts() == 1 ? "" : "s", error, delivery.nextAttempt())));
        }
        failures.addAll(abandoned.values());
        return failures;
    }

    /** Waits until no delivery is due any more or {@code patience} has passed; true when nothing is pending. */
    public boolean awaitDelivered(Duration patience) throws InterruptedException {
        Instant until = clock.instant().plus(patience);
        while (clock.instant().isBefore(until)) {
            if (journal.pendingDeliveries().isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return journal.pendingDeliveries().isEmpty();
    }

    /** On the desk's thread: tries every due delivery once, then sleeps until the next one is due. */
    private void sweep() {
        try {
            Instant now = clock.instant();
            Instant soonest = null;
            for (Journal.Delivery delivery : journal.pendingDeliveries()) {
                if (delivery.nextAttempt().isAfter(now)) {
                    soonest = soonest == null || delivery.nextAttempt().isBefore(soonest) ? delivery.nextAttempt()
                            : soonest;
                    continue;
                }
                Instant next = attempt(delivery);
                if (next != null && (soonest == null || next.isBefore(soonest))) {
                    soonest = next;
                }
            }
            if (soonest != null) {
                long delay = Math.max(0, Duration.between(clock.instant(), soonest).toMillis());
                synchronized (this) {
                    if (!closed) {
                        if (nextSweep != null) {
                            nextSweep.cancel(false);
                        }
                        nextSweep = thread.schedule(this::sweep, delay, TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (RuntimeException e) {
            // the journal failed: say so and try again later rather than let the thread die silently
            Logger.error(e, "staff desk: {}", e.getMessage());
            synchronized (this) {
                if (!closed) {
                    nextSweep = thread.schedule(this::sweep, backoff.longest().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** One attempt; returns when to try again, or null when the delivery is done with. */
    private Instant attempt(Journal.Delivery delivery) {
        StaffChannel channel = channels.get(delivery.channel());
        if (channel == null) {
            journal.abandoned(delivery.callId(), delivery.channel(), "the channel is no longer configured");
            return null;
        }
        StaffMessage message = new StaffMessage(kioskId, location, delivery.call().time(),
                Cause.valueOf(delivery.call().cause().toUpperCase(Locale.ROOT)), delivery.call().summary());
        try {
            channel.deliver(message);
            journal.delivered(delivery.callId(), delivery.channel());
            Logger.info("staff call {} delivered by {}", delivery.callId(), delivery.channel());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int failures = delivery.attempts() + 1;
            if (failures >= backoff.attempts()) {
                journal.abandoned(delivery.callId(), delivery.channel(), error);
                String sentence = delivery.channel() + ": staff call " + delivery.callId() + " given up after "
                        + failures + " attempts: " + error;
                abandoned.put(delivery.channel() + delivery.callId(), sentence);
                Logger.error(sentence);
                return null;
            }
            Instant next = clock.instant().plus(backoff.after(failures));
            journal.failed(delivery.callId(), delivery.channel(), error, next);
            Logger.warn("staff call {} not delivered by {} (attempt {}): {}; next try at {}", delivery.callId(),
                    delivery.channel(), failures, error, next);
            return next;
        }
    }

    /** Stops the thread (a delivery in progress finishes), joins it, and closes the channels. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!OwnedThread.stopAndJoin(thread, Duration.ofSeconds(10))) {
            Logger.warn("the staff desk's thread did not stop within 10 s");
        }
        channels.values().forEach(StaffChannel::close);
    }
}
