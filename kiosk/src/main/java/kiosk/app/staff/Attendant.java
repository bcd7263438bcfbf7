package kiosk.app.staff;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.Reply;
import kiosk.app.journal.Journal;
import kiosk.app.journal.JournalTurn;
import kiosk.app.journal.Outcome;
import kiosk.app.metrics.KioskMetrics;
import kiosk.app.privacy.Redactor;
import org.tinylog.Logger;

/**
 * Where a finished turn is reported: it is redacted and written to the journal, counted in the metrics, and watched
 * for the moment a person should take over; the staff call then goes out through the {@link StaffDesk} with the
 * session's summary. One per running kiosk (or {@code ask} call), used from the turn's thread; owns the journal and
 * the desk and closes them.
 */
public final class Attendant implements AutoCloseable {

    /** Said (and shown) when the kiosk called a team member by itself, without the reply asking for one. */
    public static final String STAFF_ON_THE_WAY = "I've asked a team member to come and help you.";

    private final KioskConfig config;
    private final Journal journal;
    private final StaffDesk desk;
    private final Optional<KioskMetrics> metrics;
    private final Redactor redactor = new Redactor();
    private final Clock clock;
    private SessionWatch watch;
    private String session;
    private boolean calledThisTurn;

    public Attendant(KioskConfig config, Journal journal, StaffDesk desk, Optional<KioskMetrics> metrics, Clock clock) {
        this.config = config;
        this.journal = journal;
        this.desk = desk;
        this.metrics = metrics;
        this.clock = clock;
        newSession();
    }

    /**
     * Opens the journal in {@code stateFolder} and a desk with the channels {@code kiosk.conf} configures (webhook,
     * MQTT) plus {@code local} ones the caller owns the devices of (beacon, display), and starts the desk.
     */
    public static Attendant open(KioskConfig config, Path stateFolder, List<StaffChannel> local,
                                 Optional<KioskMetrics> metrics, Clock clock) {
        Journal journal = Journal.open(stateFolder, config.journal().retention(), clock);
        StaffDesk desk = new StaffDesk(journal, channels(config.staff(), local), config.staff().kioskId(),
                config.staff().location(), StaffDesk.Backoff.defaults(), clock);
        desk.start();
        return new Attendant(config, journal, desk, metrics, clock);
    }

    /**
     * {@link #open} for a one-off command: when the journal cannot be opened (a folder without write access), that
     * is said through {@code problems} and the command goes on without recording.
     */
    public static Optional<Attendant> openOrSay(KioskConfig config, Path stateFolder,
                                                java.util.function.Consumer<String> problems) {
        try {
            return Optional.of(open(config, stateFolder, List.of(), Optional.empty(), Clock.systemUTC()));
        } catch (Journal.JournalException e) {
            problems.accept(e.getMessage() + "; turns are not recorded");
            return Optional.empty();
        }
    }

    /** The network channels of {@code settings}, then {@code local}. */
    static List<StaffChannel> channels(KioskConfig.Staff settings, List<StaffChannel> local) {
        List<StaffChannel> channels = new ArrayList<>();
        settings.webhookUri().ifPresent(uri -> channels.add(new WebhookChannel(uri)));
        settings.mqttUri().ifPresent(uri -> channels.add(new MqttChannel(uri, settings.mqttTopic(),
                settings.kioskId())));
        channels.addAll(local);
        return channels;
    }

    /** A typed turn: {@link #turn(Reply, Map, OptionalDouble)} with the reply's own timings and no level. */
    public Optional<Cause> turn(Reply reply) {
        return turn(reply, reply.timingsMs(), OptionalDouble.empty());
    }

    /**
     * Reports a finished turn; returns why a team member was called on it, if one was (the reply asked for one, or
     * the shopper's frustration or the kiosk's unsure answers did).
     */
    public Optional<Cause> turn(Reply reply, Map<String, Double> timingsMs, OptionalDouble levelDbfs) {
        Outcome outcome = Outcome.of(reply);
        boolean keepText = config.privacy().logTranscripts();
        record(new JournalTurn(clock.instant(), session,
                keepText ? Optional.of(redactor.redact(reply.heard())) : Optional.empty(), reply.intent(),
                Optional.ofNullable(reply.slots().get("sku")), Optional.ofNullable(reply.slots().get("faq")),
                Optional.ofNullable(reply.slots().get("subject")).filter(subject -> keepText)
                        .map(subject -> redactor.redactDerived(subject, reply.heard())),
                outcome, reply.confidence(), timingsMs));
        metrics.ifPresent(m -> m.turn(outcome, timingsMs));
        Optional<Cause> cause = watch.after(reply, new SessionWatch.OutcomeAndLevel(outcome, levelDbfs));
        cause.ifPresent(this::call);
        calledThisTurn = cause.isPresent();
        return cause;
    }

    /** A turn in which nothing was heard (silence, noise). */
    public Optional<Cause> notHeard(Map<String, Double> timingsMs) {
        return turn(new Reply("", "not_heard", Map.of(), "", 0, false, Optional.empty(), timingsMs), timingsMs,
                OptionalDouble.empty());
    }

    /** The staff button, unless this turn already called a team member (the loop reports its own call too). */
    public void staffButton() {
        if (calledThisTurn) {
            calledThisTurn = false; // the loop's own report of the call this turn made
            return;
        }
        watch.staffButton();
        call(Cause.STAFF_BUTTON);
    }

    /** The talk button while the kiosk is out of service (no store knowledge): a person answers instead. */
    public void outOfService() {
        watch.outOfService();
        call(Cause.OUT_OF_SERVICE);
    }

    /** The shopper left: the next turn starts a new session with a fresh watch. */
    public void newSession() {
        if (watch != null && watch.called()) {
            desk.sessionEnded();
        }
        watch = new SessionWatch(config.staff(), redactor);
        session = UUID.randomUUID().toString().substring(0, 8);
        calledThisTurn = false;
    }

    /** A journal that cannot be written (disk full) is logged; the shopper's turn goes on regardless. */
    private void record(JournalTurn turn) {
        try {
            journal.record(turn);
        } catch (Journal.JournalException e) {
            Logger.error("journal: {}; this turn is not recorded", e.getMessage());
        }
    }

    private void call(Cause cause) {
        metrics.ifPresent(m -> m.staffCall(cause));
        try {
            desk.call(new StaffCall(clock.instant(), session, cause, watch.summary(cause)));
        } catch (Journal.JournalException e) {
            Logger.error("staff call ({}) cannot be kept in the journal, so it is not sent: {}", cause.label(),
                    e.getMessage());
        }
    }

    /** A device failed or recovered, for the metrics. */
    public void fault(String device, boolean faulty) {
        metrics.ifPresent(m -> m.fault(device, faulty));
    }

    /** Staff calls that could not be delivered, one sentence each, for {@code kioskctl status}. */
    public List<String> failures() {
        return desk.failures();
    }

    public Journal journal() {
        return journal;
    }

    /** Gives the desk up to {@code patience} to deliver what is pending (a one-off command before it exits). */
    public boolean awaitDelivered(Duration patience) throws InterruptedException {
        return desk.awaitDelivered(patience);
    }

    /** For a one-off command: gives pending calls a few seconds to go out, then closes (the rest stay pending). */
    public void finish() {
        try {
            desk.awaitDelivered(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        desk.close();
        journal.close();
    }
}
