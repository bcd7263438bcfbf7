package kiosk.app.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.Reply;
import kiosk.app.privacy.Redactor;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.session.SessionAction;
import kiosk.app.session.SessionEvent;
import kiosk.app.session.SessionMachine;
import kiosk.app.staff.Attendant;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.Light;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelEvent;
import kiosk.speech.AudioSource;
import kiosk.speech.WavFileSource;
import org.tinylog.Logger;

/**
 * The appliance loop: one thread takes {@link KioskEvent}s from a queue, the {@link SessionMachine} decides, and the
 * loop carries out its actions: the panel directly, a turn's listening, understanding and speaking through
 * {@link TurnWorkers} ({@link TurnWork} says what each does), reloads through the {@link ReloadCoordinator}, and
 * systemd's watchdog through the {@link LoopWatchdog}. A press while speaking (barge-in) is handled at once.
 *
 * <p>Without a microphone, a typed line stands for what the shopper said, and a typed WAV path for their voice.
 * Typed lines wait their turn: one is taken whenever the session is not listening, thinking or speaking, so a
 * pasted list of questions is answered one by one, and {@code /quit} takes effect after the last answer.
 *
 * <p>A reload (SIGHUP under systemd, or {@code kioskctl reload}) reads the configuration and the store off this
 * thread and is swapped in only between turns; a file that cannot be used leaves the last good ones serving.
 */
public final class KioskLoop implements KioskEvent.Handler {

    private static final Duration TICK = Duration.ofMillis(250);

    private final Panel panel;
    private final PrintStream log;
    private final Services services;
    private final SessionMachine machine;
    private final BlockingQueue<KioskEvent> events = new LinkedBlockingQueue<>();
    private final FaultLog faults = new FaultLog();
    private final KioskStatus status;
    private final TurnWork work;
    private final ReloadCoordinator reloads;
    private volatile Serving serving;
    private volatile SessionMachine.State sessionState = SessionMachine.State.IDLE;
    private volatile Optional<LoopWatchdog> watchdog = Optional.empty();
    /** Empty only while the kiosk is out of service: a press does not listen then, so nothing is understood. */
    private Optional<ShopperSession> session;
    private final Deque<PanelEvent> typed = new ArrayDeque<>();
    private final Deque<KioskEvent.ReloadReady> reloadsReady = new ArrayDeque<>();
    private Optional<String> pendingText = Optional.empty();
    private Optional<Path> pendingAudio = Optional.empty();
    private boolean recovering;
    private boolean quitting;
    /** Where turns are journaled, counted in the metrics and watched for a staff call; set once before run(). */
    private Optional<Attendant> attendant = Optional.empty();
    /** What the shopper said reaches the log only redacted, and only with {@code privacy.log_transcripts}. */
    private static final Redactor REDACTOR = new Redactor();
    private SessionAction.Show lastShown;

    /**
     * What the loop needs besides the panel and the store: systemd, the settings and how to reload them, where turns
     * are counted, the microphone (empty: typed and WAV questions only), who hears of every finished turn, and the
     * turn's stages (the serving store's pipeline; tests wrap it to make a stage fail).
     */
    public record Services(SystemdNotifier systemd, KioskConfig config, Supplier<ReloadOutcome> reloader,
                           Optional<TurnCounts> counts, Optional<Supplier<AudioSource>> microphone,
                           TurnListener listener, UnaryOperator<TurnStages> stages) {

        public Services(SystemdNotifier systemd, KioskConfig config, Supplier<ReloadOutcome> reloader,
                        Optional<TurnCounts> counts, Optional<Supplier<AudioSource>> microphone) {
            this(systemd, config, reloader, counts, microphone, turn -> { }, UnaryOperator.identity());
        }

        /** Default settings, nothing to reload from, no counts, no microphone: tests and one-off runs. */
        public static Services defaults() {
            return new Services(SystemdNotifier.fromEnvironment(),
                    KioskConfig.defaults(Path.of(KioskConfig.DEFAULT_FILE)),
                    () -> new ReloadOutcome.Refused("this kiosk was started without a configuration file to reload"),
                    Optional.empty(), Optional.empty());
        }

        public Services withMicrophone(Supplier<AudioSource> microphone) {
            return new Services(systemd, config, reloader, counts, Optional.of(microphone), listener, stages);
        }

        public Services withSystemd(SystemdNotifier notifier) {
            return new Services(notifier, config, reloader, counts, microphone, listener, stages);
        }

        /** {@code next} hears of every finished turn too (after the counts). */
        public Services withListener(TurnListener next) {
            return new Services(systemd, config, reloader, counts, microphone, listener.andThen(next), stages);
        }

        public Services withConfig(KioskConfig settings) {
            return new Services(systemd, settings, reloader, counts, microphone, listener, stages);
        }

        public Services withStages(UnaryOperator<TurnStages> wrap) {
            return new Services(systemd, config, reloader, counts, microphone, listener, wrap);
        }
    }

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log) {
        this(panel, kiosk, models, replies, log, Services.defaults());
    }

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log,
                     Services services) {
        this(panel, new StoreState.InService(kiosk), models, replies, log, services);
    }

    /** A kiosk with {@code store}'s knowledge, or out of service until a reload finds the store sound. */
    public KioskLoop(Panel panel, StoreState store, KioskModels models, Replies replies, PrintStream log,
                     Services services) {
        this.panel = panel;
        this.log = log;
        this.services = services;
        // loads the speech model and the voice now, so that the first shopper does not wait for them
        this.serving = Serving.of(services.config(), store, models);
        this.machine = new SessionMachine(settings(serving));
        this.session = serving.kiosk().map(StoreKiosk::newSession);
        this.status = new KioskStatus(models, panel.description(), replies, services.microphone().isPresent()
                ? services.config().audio().microphone() : "none: typed and WAV questions", faults, services.counts());
        TurnListener listener = services.counts().map(TurnListener::counting).orElse(turn -> { })
                .andThen(services.listener());
        this.work = new TurnWork(new TurnWorkers(events::add), events::add, replies, faults, log, listener);
        this.reloads = new ReloadCoordinator(services.reloader(), events::add);
    }

    /** Runs until the panel says quit; returns the exit code. */
    public int run() throws InterruptedException {
        panel.onEvent(this::fromPanel);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> events.add(new KioskEvent.Now(new SessionEvent.Tick())), TICK.toMillis(),
                TICK.toMillis(), TimeUnit.MILLISECONDS);
        LoopWatchdog dog = new LoopWatchdog(services.systemd()::watchdog, work::overdue, LoopWatchdog.STALL,
                Duration.ofSeconds(1));
        watchdog = Optional.of(dog);
        try {
            panel.show(serving.kiosk().map(kiosk -> kiosk.knowledge().name()).orElse(serving.greeting()),
                    "Press the button and ask", Optional.empty());
            panel.start();
            // out of service too: the kiosk is up and says why it cannot answer, instead of failing and restarting
            services.systemd().ready(serving.description() + " on the " + panel.description());
            while (true) {
                KioskEvent event = events.take();
                try {
                    event.deliverTo(this);
                } catch (RuntimeException e) { // a panel or a reload that throws must not end the kiosk
                    Logger.error(e, "the kiosk loop could not handle {}", event.getClass().getSimpleName());
                    faults.remember("kiosk loop: " + e);
                }
                dog.progress();
                sessionState = machine.state();
                if (!busy()) {
                    while (!reloadsReady.isEmpty()) {
                        applyReload(reloadsReady.poll());
                    }
                    if (quitting) {
                        services.systemd().stopping();
                        return 0;
                    }
                    takeTyped();
                }
            }
        } finally {
            ticker.shutdownNow();
            dog.close();
            work.close();
            reloads.close();
        }
    }

    @Override
    public void typed(PanelEvent event) {
        typed.add(event);
    }

    @Override
    public void now(SessionEvent event) {
        if (event instanceof SessionEvent.StaffPressed && !typed.isEmpty()) {
            typed.add(new PanelEvent.StaffPressed()); // typed after questions still waiting: keep the order
        } else {
            handle(event);
        }
    }

    @Override
    public void fromTurn(long turn, SessionEvent event) {
        if (work.stale(turn)) {
            return; // an interrupted turn's late event: its successor decides now
        }
        if (event instanceof SessionEvent.Heard heard && heard.text().isBlank()
                && machine.state() == SessionMachine.State.LISTENING) {
            work.notHeard();
            attendant.ifPresent(a -> a.notHeard(Map.of()));
        }
        if (event instanceof SessionEvent.SpeechDone) {
            work.spoken(turn);
        }
        handle(event);
    }

    @Override
    public void answered(long turn, String heard, Reply reply) {
        if (work.stale(turn)) {
            return;
        }
        work.answered(reply);
        log.println(serving.config().privacy().logTranscripts()
                ? "heard: \"" + REDACTOR.redact(heard) + "\" -> " + reply.intent()
                : "heard: (" + heard.split("\\s+").length + " words) -> " + reply.intent());
        if (attendant.flatMap(a -> a.turn(reply)).isPresent() && !reply.escalate()) {
            handle(new SessionEvent.StaffPressed()); // the attendant called a person: the session says so now
            return;
        }
        handle(new SessionEvent.Answered(reply.answer(), reply.escalate(), reply.aisle(),
                reply.intent().equals("goodbye")));
    }

    @Override
    public void resumed(long listeningTurn, SessionEvent event) {
        if (!work.listeningFor(listeningTurn) || session.isEmpty()) {
            return; // a new press took the microphone: what the last listening heard since is not this question's
        }
        if (machine.state() != SessionMachine.State.LISTENING) {
            // the shopper went on after a question that ended early: the reply stops at once and the rest is
            // heard as the same question (the answer to its first words is dropped). Usually on the first partial
            // text; on the whole question when its words and their end came in one chunk
            String sofar = event instanceof SessionEvent.Partial partial ? partial.text()
                    : event instanceof SessionEvent.Heard heard ? heard.text() : "";
            List<SessionAction> actions = machine.resume(sofar, System.nanoTime() / 1_000_000);
            if (actions.isEmpty()) {
                return; // the session is over (a goodbye was said): the words are not this session's
            }
            work.resume();
            actions.forEach(this::perform);
            log.println("(resumed: the shopper went on after an early end; the reply stopped)");
        }
        handle(event);
    }

    @Override
    public void failed(long turn, Stage stage, Throwable error) {
        boolean apology = work.isApology(turn);
        work.failed(turn, stage, error, serving.config().privacy().logTranscripts());
        if (work.stale(turn)) {
            return; // reported; the turn it belonged to is over already
        }
        if (apology) { // not even the apology could be said: end the session quietly, the next press starts anew
            handle(new SessionEvent.SpeechDone());
            return;
        }
        recovering = true;
        try {
            machine.recover().forEach(this::perform);
        } finally {
            recovering = false;
        }
    }

    @Override
    public void reloaded(ReloadOutcome outcome, CompletableFuture<String> reply) {
        reloadsReady.add(new KioskEvent.ReloadReady(outcome, reply));
    }

    private void handle(SessionEvent event) {
        if (serving.outOfService().isPresent() && outOfService(event)) {
            return;
        }
        for (SessionAction action : machine.handle(event, System.nanoTime() / 1_000_000)) {
            perform(action);
        }
    }

    private boolean busy() {
        SessionMachine.State state = machine.state();
        return state == SessionMachine.State.LISTENING || state == SessionMachine.State.THINKING
                || state == SessionMachine.State.SPEAKING || state == SessionMachine.State.GREETING;
    }

    /** Starts the next typed turn (or presence change, or quit) now that the session is free. */
    private void takeTyped() {
        PanelEvent next = typed.poll();
        if (next instanceof PanelEvent.TypedText text) {
            if (text.text().equals("/talk")) {
                // the console's talk button: like a press, but in turn with the typed lines around it
                handle(new SessionEvent.TalkPressed());
                return;
            }
            Path path = Path.of(text.text());
            if (text.text().toLowerCase().endsWith(".wav") && Files.isRegularFile(path)) {
                pendingAudio = Optional.of(path);
            } else {
                pendingText = Optional.of(text.text());
            }
            handle(new SessionEvent.TalkPressed());
        } else if (next instanceof PanelEvent.PresenceChanged presence) {
            handle(new SessionEvent.PresenceChanged(presence.present()));
        } else if (next instanceof PanelEvent.StaffPressed) {
            handle(new SessionEvent.StaffPressed());
        } else if (next instanceof PanelEvent.Quit) {
            quitting = true;
            if (!busy()) {
                events.add(new KioskEvent.Now(new SessionEvent.Tick()));
            }
        }
    }

    /** From the panel's threads: buttons go to the loop at once, console lines wait for the session to be free. */
    private void fromPanel(PanelEvent event) {
        if (event instanceof PanelEvent.TypedText || event instanceof PanelEvent.Quit
                || event instanceof PanelEvent.PresenceChanged) {
            events.add(new KioskEvent.Typed(event));
        } else if (event instanceof PanelEvent.TalkPressed) {
            events.add(new KioskEvent.Now(new SessionEvent.TalkPressed()));
        } else if (event instanceof PanelEvent.TalkReleased) {
            events.add(new KioskEvent.Now(new SessionEvent.TalkReleased()));
        } else if (event instanceof PanelEvent.StaffPressed) {
            events.add(new KioskEvent.Now(new SessionEvent.StaffPressed()));
        } else if (event instanceof PanelEvent.Fault fault) {
            Logger.warn("{} {}: {}", fault.component(), fault.recovered() ? "recovered" : "failed", fault.message());
            attendant.ifPresent(a -> a.fault(fault.component(), !fault.recovered()));
            if (fault.recovered()) {
                faults.partRecovered(fault.component());
            } else {
                faults.partFailed(fault.component(), fault.message());
                faults.remember(fault.component() + ": " + fault.message());
                if (fault.component().equals("display")) {
                    log.println("kiosk: voice only: " + fault.message());
                }
            }
            events.add(new KioskEvent.Now(new SessionEvent.Fault(fault.component(), fault.message(),
                    fault.recovered())));
        }
    }

    private void perform(SessionAction action) {
        if (action instanceof SessionAction.StartListening) {
            listen();
        } else if (action instanceof SessionAction.Understand understand) {
            work.understand(understand.utterance(), session.orElseThrow(), stages());
        } else if (action instanceof SessionAction.Speak speak) {
            work.speak(speak.text(), stages(), serving.kiosk().flatMap(StoreKiosk::phrasing), recovering);
        } else if (action instanceof SessionAction.StopSpeaking) {
            work.stopSpeaking();
        } else if (action instanceof SessionAction.Show show) {
            if (!show.equals(lastShown)) {   // partial text repeats itself while the shopper pauses
                lastShown = show;
                panel.show(show.top(), show.bottom(), show.aisle());
            }
        } else if (action instanceof SessionAction.Lights lights) {
            panel.lights(light(lights.listening()), light(lights.staff()));
        } else if (action instanceof SessionAction.CallStaff call) {
            staffCalled(call, Attendant::staffButton);
        } else if (action instanceof SessionAction.EndSession) {
            session = serving.kiosk().map(StoreKiosk::newSession);
            attendant.ifPresent(Attendant::newSession);
        } else if (action instanceof SessionAction.FinishListening) {
            work.finishListening(); // talk button released or the longest utterance reached
        }
    }

    private void staffCalled(SessionAction.CallStaff call, java.util.function.Consumer<Attendant> cause) {
        Logger.warn("staff called: {}", call.reason());
        log.println("STAFF CALLED (" + call.reason() + ")");
        services.counts().ifPresent(TurnCounts::staffCalled);
        attendant.ifPresent(cause);
    }

    /**
     * Out of service (no store knowledge) a press of the talk button, or a typed question, is not listened to: the
     * shopper hears {@link StoreState.OutOfService#SENTENCE} and a team member is called; a passer-by is not greeted.
     * Returns whether {@code event} was handled so.
     */
    private boolean outOfService(SessionEvent event) {
        if (event instanceof SessionEvent.TalkPressed) {
            pendingText = Optional.empty();
            pendingAudio = Optional.empty();
            for (SessionAction action : machine.callStaffInstead("out of service: no store knowledge",
                    StoreState.OutOfService.SENTENCE)) {
                if (action instanceof SessionAction.CallStaff call) {
                    staffCalled(call, Attendant::outOfService);
                } else {
                    perform(action);
                }
            }
            return true;
        }
        return event instanceof SessionEvent.PresenceChanged presence && presence.present();
    }

    /**
     * Typed text is heard as it is; a typed WAV path, or else the microphone, streams through recognition with the
     * partial text shown as it grows, until the recognizer hears the end of the utterance, the talk button is
     * released, or the source ends.
     */
    private void listen() {
        Optional<String> text = pendingText;
        Optional<Path> audio = pendingAudio;
        pendingText = Optional.empty();
        pendingAudio = Optional.empty();
        Optional<Supplier<AudioSource>> source = audio.isPresent()
                ? Optional.of(() -> new WavFileSource(audio.get())) : services.microphone();
        if (text.isEmpty() && source.isEmpty()) {
            log.println("(no microphone on this machine: type a question or a WAV file's path)");
            text = Optional.of("");
        }
        Duration longest = serving.config().timeouts().maxUtterance();
        work.listen(text, source, audio.isEmpty(), serving.config().audio().echoCancelled(), session, stages(),
                longest);
    }

    private TurnStages stages() {
        return services.stages().apply(TurnStages.of(serving.voice()));
    }

    /** Stops the loop from any thread (systemd's stop): the turn in progress ends first, as with /quit. */
    public void stop() {
        events.add(new KioskEvent.Typed(new PanelEvent.Quit()));
    }

    /** Asks for a reload from any thread (SIGHUP, the control socket); the reply says what happened. */
    public CompletableFuture<String> requestReload() {
        return reloads.request();
    }

    /** Answers a {@code kioskctl} request from the control socket (one JSON line). */
    public String control(String request) {
        return ControlRequests.answer(request, this::status, this::requestReload);
    }

    /** What {@code kioskctl status} shows; safe to call from any thread. */
    public Map<String, Object> status() {
        Map<String, Object> report = status.report(serving, sessionState.name().toLowerCase(),
                watchdog.flatMap(LoopWatchdog::withheld));
        attendant.ifPresent(a -> report.put("staff_call_failures", a.failures()));
        return report;
    }

    /** Issue 15: the journal, metrics and staff calls of this kiosk hear of every turn from now on. */
    public void attend(Attendant reporter) {
        this.attendant = Optional.of(reporter);
    }

    /** Between turns only: an answer never comes half from the old knowledge and half from the new. */
    private void applyReload(KioskEvent.ReloadReady ready) {
        ReloadCoordinator.Verdict verdict = ReloadCoordinator.judge(ready.outcome(), serving);
        boolean wasOutOfService = serving.outOfService().isPresent();
        verdict.serving().ifPresent(next -> {
            serving = next; // new products and commands are heard from now on
            machine.settings(settings(next));
            // the next question is answered from the new knowledge, even inside a follow-up window: a stale aisle
            // is worse than a shopper repeating which product "it" was
            session = next.kiosk().map(StoreKiosk::newSession);
            if (wasOutOfService && next.kiosk().isPresent() && machine.state() == SessionMachine.State.IDLE) {
                perform(new SessionAction.Show(next.greeting(), "Press the button and ask", Optional.empty()));
            }
        });
        if (verdict.accepted()) {
            Logger.info(verdict.message());
        } else {
            Logger.error(verdict.message());
            faults.remember(verdict.message());
        }
        log.println("kiosk: " + verdict.message());
        ready.reply().complete(verdict.message());
    }

    /** A problem found outside the loop (at start) that {@code kioskctl status} should show among the last errors. */
    public void problem(String error) {
        faults.remember(error);
    }

    private static SessionMachine.Settings settings(Serving serving) {
        return new SessionMachine.Settings(serving.greeting(),
                serving.config().timeouts().followUp(), serving.config().timeouts().maxUtterance(),
                serving.config().staff().callAfterMisses());
    }

    private static Light light(SessionAction.Light light) {
        return Light.valueOf(light.name());
    }
}
