package kiosk.app.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.Reply;
import kiosk.app.session.SessionAction;
import kiosk.app.session.SessionEvent;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.session.SessionMachine;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.Light;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelEvent;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.AudioSink;
import kiosk.speech.RecognitionEvent;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import kiosk.speech.StreamingRecognizer;
import kiosk.speech.WavFile;
import kiosk.speech.WavFileSink;
import kiosk.speech.WavFileSource;
import org.tinylog.Logger;

/**
 * The appliance loop: panel events become session events, the {@link SessionMachine} decides, and this class
 * carries out its actions with the devices it owns. One thread consumes the event queue; recognition and speech run
 * on their own threads and report back through the queue, so a press while speaking (barge-in) is handled at once.
 *
 * <p>Without a microphone, a typed line stands for what the shopper said, and a typed WAV path for their voice.
 * Typed lines wait their turn: one is taken whenever the session is not listening, thinking or speaking, so a
 * pasted list of questions is answered one by one, and {@code /quit} takes effect after the last answer.
 *
 * <p>A reload (SIGHUP or {@code kioskctl reload}) reads the configuration and the store on a background thread and
 * swaps them in only between turns; a file that cannot be used leaves the last good ones serving.
 */
public final class KioskLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERRORS_KEPT = 10;
    /** Trailing silence that ends a shopper's question on the microphone. */
    static final Duration END_OF_SPEECH = Duration.ofMillis(800);

    private final Panel panel;
    private volatile StoreKiosk kiosk;
    private volatile KioskConfig config;
    private final Supplier<ReloadOutcome> reloader;
    private final Optional<TurnCounts> counts;
    private final Optional<Supplier<AudioSource>> microphone;
    private final AtomicBoolean finishListening = new AtomicBoolean();
    private Optional<AnsweredTurn> lastTurn = Optional.empty();
    private final Instant started = Instant.now();
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final Deque<ReloadReady> reloadsReady = new ArrayDeque<>();
    /** Panel parts that failed and have not come back, with why: the kiosk answers by voice meanwhile. */
    private final Map<String, String> faulty = new java.util.concurrent.ConcurrentHashMap<>();
    private final KioskModels models;
    private final Replies replies;
    private final PrintStream log;
    private final SessionMachine machine;
    private final SystemdNotifier systemd;
    /** Biased toward the serving store's words and commands; made again when a reload brings another store. */
    private volatile RecognizerOptions recognition;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean stopSpeaking = new AtomicBoolean();
    private ShopperSession session;
    private Optional<String> pendingText = Optional.empty();
    private Optional<Path> pendingAudio = Optional.empty();
    private final java.util.ArrayDeque<PanelEvent> typed = new java.util.ArrayDeque<>();
    private boolean quitting;
    private SessionAction.Show lastShown;

    /**
     * What the loop needs besides the panel and the store: systemd, the settings and how to reload them, where turns
     * are counted, and the microphone (empty: typed and WAV questions only).
     */
    public record Services(SystemdNotifier systemd, KioskConfig config, Supplier<ReloadOutcome> reloader,
                           Optional<TurnCounts> counts, Optional<Supplier<AudioSource>> microphone) {

        /** Default settings, nothing to reload from, no counts, no microphone: tests and one-off runs. */
        public static Services defaults() {
            return new Services(SystemdNotifier.fromEnvironment(),
                    KioskConfig.defaults(Path.of(KioskConfig.DEFAULT_FILE)),
                    () -> new ReloadOutcome.Refused("this kiosk was started without a configuration file to reload"),
                    Optional.empty(), Optional.empty());
        }
    }

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log) {
        this(panel, kiosk, models, replies, log, Services.defaults());
    }

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log,
                     Services services) {
        this.systemd = services.systemd();
        this.panel = panel;
        this.kiosk = kiosk;
        this.config = services.config();
        this.reloader = services.reloader();
        this.counts = services.counts();
        this.microphone = services.microphone();
        this.models = models;
        this.replies = replies;
        this.log = log;
        this.machine = new SessionMachine(settings(config, kiosk));
        this.session = kiosk.newSession();
        // loads the speech model and the voice now, so that the first shopper does not wait for them
        this.recognition = kiosk.voiceTurns().recognition();
    }

    /** Runs until the panel says quit; returns the exit code. */
    public int run() throws InterruptedException {
        panel.onEvent(this::fromPanel);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kiosk-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> events.add(new SessionEvent.Tick()), 250, 250, TimeUnit.MILLISECONDS);
        try {
            panel.show(kiosk.knowledge().name(), "Press the button and ask", Optional.empty());
            panel.start();
            systemd.ready("serving " + kiosk.knowledge().name() + " on the " + panel.description());
            while (true) {
                Object event = events.take();
                if (event instanceof PanelEvent console) {
                    typed.add(console);
                } else if (event instanceof ReloadRequest request) {
                    startReload(request.reply());
                } else if (event instanceof ReloadReady ready) {
                    reloadsReady.add(ready);
                } else if (event instanceof SessionEvent.StaffPressed && !typed.isEmpty()) {
                    typed.add(new PanelEvent.StaffPressed()); // typed after questions still waiting: keep the order
                } else {
                    handle((SessionEvent) event);
                }
                if (!busy()) {
                    while (!reloadsReady.isEmpty()) {
                        applyReload(reloadsReady.poll());
                    }
                    if (quitting) {
                        systemd.stopping();
                        return 0;
                    }
                    takeTyped();
                }
            }
        } finally {
            ticker.shutdownNow();
            stopSpeaking.set(true);
        }
    }

    private void handle(SessionEvent event) {
        if (event instanceof SessionEvent.Tick) {
            systemd.watchdog(); // from this thread: a stuck loop stops the pings and systemd restarts the kiosk
        }
        if (event instanceof SessionEvent.Heard heard && heard.text().isBlank()
                && machine.state() == SessionMachine.State.LISTENING) {
            counts.ifPresent(TurnCounts::notHeard);
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
            Path path = Path.of(text.text());
            if (text.text().equals("/talk")) {
                // the console's talk button: like a press, but in turn with the typed lines around it
                handle(new SessionEvent.TalkPressed());
                return;
            }
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
                events.add(new SessionEvent.Tick());
            }
        }
    }

    private void fromPanel(PanelEvent event) {
        if (event instanceof PanelEvent.TypedText || event instanceof PanelEvent.Quit
                || event instanceof PanelEvent.PresenceChanged) {
            events.add(event); // console lines keep their order and wait for the session to be free
        } else if (event instanceof PanelEvent.TalkPressed) {
            events.add(new SessionEvent.TalkPressed());
        } else if (event instanceof PanelEvent.TalkReleased) {
            events.add(new SessionEvent.TalkReleased());
        } else if (event instanceof PanelEvent.StaffPressed) {
            events.add(new SessionEvent.StaffPressed());
        } else if (event instanceof PanelEvent.Fault fault) {
            Logger.warn("{} {}: {}", fault.component(), fault.recovered() ? "recovered" : "failed", fault.message());
            if (fault.recovered()) {
                faulty.remove(fault.component());
            } else {
                faulty.put(fault.component(), fault.message());
                remember(fault.component() + ": " + fault.message());
                if (fault.component().equals("display")) {
                    log.println("kiosk: voice only: " + fault.message());
                }
            }
            events.add(new SessionEvent.Fault(fault.component(), fault.message(), fault.recovered()));
        }
    }

    private void perform(SessionAction action) {
        if (action instanceof SessionAction.StartListening) {
            listen();
        } else if (action instanceof SessionAction.Understand understand) {
            Reply reply = session.respond(understand.text());
            lastTurn = Optional.of(new AnsweredTurn(understand.text(), reply));
            log.println(config.privacy().logTranscripts()
                    ? "heard: \"" + understand.text() + "\" -> " + reply.intent()
                    : "heard: (" + understand.text().split("\\s+").length + " words) -> " + reply.intent());
            counts.ifPresent(c -> c.answered(reply.intent()));
            events.add(new SessionEvent.Answered(reply.answer(), reply.escalate(), reply.aisle(),
                    reply.intent().equals("goodbye")));
        } else if (action instanceof SessionAction.Speak speak) {
            speak(speak.text());
        } else if (action instanceof SessionAction.StopSpeaking) {
            stopSpeaking.set(true);
        } else if (action instanceof SessionAction.Show show) {
            if (!show.equals(lastShown)) {   // partial text repeats itself while the shopper pauses
                lastShown = show;
                panel.show(show.top(), show.bottom(), show.aisle());
            }
        } else if (action instanceof SessionAction.Lights lights) {
            panel.lights(light(lights.listening()), light(lights.staff()));
        } else if (action instanceof SessionAction.CallStaff call) {
            Logger.warn("staff called: {}", call.reason());
            log.println("STAFF CALLED (" + call.reason() + ")");
            counts.ifPresent(TurnCounts::staffCalled);
        } else if (action instanceof SessionAction.EndSession) {
            session = kiosk.newSession();
        } else if (action instanceof SessionAction.FinishListening) {
            finishListening.set(true); // talk button released or the longest utterance reached
        }
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
        if (text.isPresent()) {
            events.add(new SessionEvent.Heard(text.get()));
            return;
        }
        Optional<Supplier<AudioSource>> source = audio.isPresent()
                ? Optional.of(() -> new WavFileSource(audio.get())) : microphone;
        if (source.isEmpty()) {
            log.println("(no microphone on this machine: type a question or a WAV file's path)");
            events.add(new SessionEvent.Heard(""));
            return;
        }
        finishListening.set(false);
        // a microphone never ends by itself: the end of the shopper's speech ends the turn (or the button's release)
        RecognizerOptions options = audio.isEmpty() ? recognition.withEndpointSilence(END_OF_SPEECH) : recognition;
        boolean live = audio.isEmpty();
        Thread recognizing = new Thread(() -> events.add(new SessionEvent.Heard(recognize(source.get(), options,
                live))), "kiosk-recognition");
        recognizing.setDaemon(true);
        recognizing.start();
    }

    private String recognize(Supplier<AudioSource> source, RecognizerOptions options, boolean live) {
        try (AudioSource in = source.get();
             StreamingRecognizer recognizer = models.speechModel().open(options)) {
            while (!finishListening.get()) {
                Optional<AudioChunk> chunk = in.read();
                if (chunk.isEmpty()) {
                    if (live) { // a USB microphone unplugged mid-turn: say so once, answer what was heard
                        String message = "the microphone stopped delivering audio";
                        Logger.error(message);
                        remember("microphone: " + message);
                    }
                    break;
                }
                RecognitionEvent event = recognizer.accept(chunk.get());
                if (event instanceof RecognitionEvent.Partial partial) {
                    events.add(new SessionEvent.Partial(partial.text()));
                } else if (event instanceof RecognitionEvent.Endpoint endpoint) {
                    return endpoint.transcript().text();
                }
            }
            return recognizer.finish().text();
        } catch (SpeechException e) {
            log.println("kiosk: " + e.getMessage());
            remember("recognition: " + e.getMessage());
            return "";
        }
    }

    /**
     * Speaks on its own thread, so a press can stop it. An answer to the last question is phrased by the model pack
     * when there is one, each checked sentence synthesized as soon as the model has written it.
     */
    private void speak(String text) {
        stopSpeaking.set(false);
        Optional<AnsweredTurn> turn = lastTurn.filter(t -> t.reply().answer().equals(text) && !t.reply().escalate());
        Optional<GroundedPhrasing> phrasing = turn.flatMap(t -> kiosk.phrasing());
        Thread speaker = new Thread(() -> {
            try (AudioSink sink = replies.open()) {
                Consumer<String> say = sentence -> models.synthesizer().speak(sentence, chunk -> {
                    if (!stopSpeaking.get()) {
                        sink.write(chunk);
                    }
                });
                if (phrasing.isPresent()) {
                    synchronized (phrasing.get()) { // one decoder: a barge-in's reply waits for the last to stop
                        String said = phrasing.get().phrase(turn.get().heard(), turn.get().reply(), say,
                                stopSpeaking::get);
                        log.println("(phrased: " + said + ")");
                    }
                } else {
                    say.accept(text);
                }
            } catch (SpeechException | IOException e) {
                log.println("kiosk: cannot play the reply: " + e.getMessage());
            }
            replies.last().ifPresent(file -> log.println("(spoken reply: " + file + ")"));
            events.add(new SessionEvent.SpeechDone());
        }, "kiosk-speaker");
        speaker.setDaemon(true);
        speaker.start();
    }

    /** Stops the loop from any thread (systemd's stop): the turn in progress ends first, as with /quit. */
    public void stop() {
        events.add(new PanelEvent.Quit());
    }

    /** Asks for a reload from any thread (SIGHUP, the control socket); the reply says what happened. */
    public CompletableFuture<String> requestReload() {
        CompletableFuture<String> reply = new CompletableFuture<>();
        events.add(new ReloadRequest(reply));
        return reply;
    }

    /** Answers a {@code kioskctl} request from the control socket (one JSON line). */
    public String control(String request) {
        Map<String, Object> reply = new LinkedHashMap<>();
        if (request.equals("status")) {
            reply.putAll(status());
        } else if (request.equals("reload")) {
            try {
                String message = requestReload().get(2, java.util.concurrent.TimeUnit.MINUTES);
                reply.put("ok", !message.startsWith("kept"));
                reply.put("message", message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply.put("ok", false);
                reply.put("message", "interrupted while reloading");
            } catch (ExecutionException | TimeoutException e) {
                reply.put("ok", false);
                reply.put("message", "the reload did not finish: " + e.getMessage());
            }
        } else {
            reply.put("ok", false);
            reply.put("message", "unknown request '" + request + "'; the kiosk answers status and reload");
        }
        try {
            return JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            return "{\"ok\":false,\"message\":\"cannot write the reply\"}";
        }
    }

    /** What {@code kioskctl status} shows; read from the control socket's thread, so only volatile state. */
    public Map<String, Object> status() {
        StoreKiosk serving = kiosk;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ok", true);
        status.put("version", Optional.ofNullable(KioskLoop.class.getPackage().getImplementationVersion())
                .orElse("development build"));
        status.put("started", started.toString());
        status.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        status.put("config", config.file().toString());
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", serving.knowledge().name());
        store.put("folder", serving.folder().toString());
        store.put("products", serving.knowledge().products().size());
        store.put("faq_entries", serving.knowledge().faqs().size());
        store.put("command_contexts", serving.contexts().size());
        store.put("recognizer_phrases", recognition.phrases().size());
        status.put("store", store);
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        java.util.Properties versions = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(models.paths().models().resolve("versions.properties"))) {
            versions.load(in);
        } catch (IOException e) {
            // a models folder assembled by hand has no versions file: the folders say what is there
        }
        modelInfo.put("speech", versions.getProperty("speech", "?") + " in " + models.paths().voskModel());
        modelInfo.put("encoder", versions.getProperty("encoder", "?") + " in " + models.paths().encoderModel());
        modelInfo.put("voice", versions.getProperty("voice", "FreeTTS kevin16"));
        modelInfo.put("pack", serving.phrasing().isPresent() ? config.models().pack() + " (loaded)"
                : config.models().pack().equals("none") ? "none"
                : config.models().pack() + " (not loaded: see the log)");
        serving.phrasing().ifPresent(p -> modelInfo.put("pack_replies", Map.of("phrased", p.phrasedCount(),
                "template", p.fallbackCount())));
        status.put("models", modelInfo);
        status.put("panel", panel.description());
        status.put("mode", faulty.containsKey("display") ? "voice only (the display failed; retrying)" : "normal");
        status.put("panel_faults", new java.util.TreeMap<>(faulty));
        status.put("speaker", replies.description());
        status.put("microphone", microphone.isPresent() ? config.audio().microphone()
                : "none: typed and WAV questions");
        status.put("session", machine.state().name().toLowerCase());
        counts.ifPresent(c -> status.put("turns", c.report()));
        synchronized (lastErrors) {
            status.put("last_errors", List.copyOf(lastErrors));
        }
        return status;
    }

    private void startReload(CompletableFuture<String> reply) {
        Thread loading = new Thread(() -> {
            ReloadOutcome outcome;
            try {
                outcome = reloader.get();
            } catch (RuntimeException e) {
                Logger.error(e, "reload failed");
                outcome = new ReloadOutcome.Refused(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            events.add(new ReloadReady(outcome, reply));
        }, "kiosk-reload");
        loading.setDaemon(true);
        loading.start();
    }

    /** Between turns only: an answer never comes half from the old knowledge and half from the new. */
    private void applyReload(ReloadReady ready) {
        if (ready.outcome() instanceof ReloadOutcome.Loaded loaded) {
            List<String> notes = new ArrayList<>(loaded.notes());
            if (!loaded.config().panel().equals(config.panel()) || !loaded.config().audio().equals(config.audio())
                    || !loaded.config().models().language().equals(config.models().language())) {
                notes.add("panel, audio and language settings take effect when the kiosk restarts "
                        + "(systemctl restart kiosk)");
            }
            kiosk = loaded.kiosk();
            config = loaded.config();
            recognition = kiosk.voiceTurns().recognition(); // new products and commands are heard from now on
            machine.settings(settings(config, kiosk));
            // the next question is answered from the new knowledge, even inside a follow-up window: a stale aisle
            // is worse than a shopper repeating which product "it" was
            session = kiosk.newSession();
            String message = "reloaded " + config.file() + " and the store '" + kiosk.knowledge().name() + "' ("
                    + kiosk.knowledge().products().size() + " products, " + kiosk.knowledge().faqs().size()
                    + " FAQ entries)" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
            Logger.info(message);
            log.println("kiosk: " + message);
            ready.reply().complete(message);
        } else {
            String reason = ((ReloadOutcome.Refused) ready.outcome()).reason();
            String message = "kept the last good configuration and knowledge: " + reason;
            Logger.error(message);
            log.println("kiosk: " + message);
            remember(message);
            ready.reply().complete(message);
        }
    }

    /** A problem found outside the loop (at start) that {@code kioskctl status} should show among the last errors. */
    public void problem(String error) {
        remember(error);
    }

    private void remember(String error) {
        synchronized (lastErrors) {
            if (lastErrors.size() == ERRORS_KEPT) {
                lastErrors.removeFirst();
            }
            lastErrors.addLast(Instant.now() + " " + error);
        }
    }

    private static SessionMachine.Settings settings(KioskConfig config, StoreKiosk kiosk) {
        return new SessionMachine.Settings(kiosk.knowledge().greeting(), config.timeouts().followUp(),
                config.timeouts().maxUtterance(), config.staff().callAfterMisses());
    }

    private record ReloadRequest(CompletableFuture<String> reply) {
    }

    /** What the shopper said and the template reply to it: what a model pack phrases. */
    private record AnsweredTurn(String heard, Reply reply) {
    }

    private record ReloadReady(ReloadOutcome outcome, CompletableFuture<String> reply) {
    }

    private static Light light(SessionAction.Light light) {
        return Light.valueOf(light.name());
    }

    /** Where spoken replies go: the speaker when there is one, otherwise numbered WAV files. */
    public interface Replies {
        AudioSink open() throws IOException;

        Optional<Path> last();

        /** Where replies go, for {@code kioskctl status}. */
        String description();

        /** Numbered WAV files in {@code folder}: the speaker of a machine without a sound card. */
        static Replies toFiles(Path folder) {
            return new Replies() {
                private int count = WavFileSink.highestNumber(folder, "reply"); // after a restart: go on numbering
                private Optional<Path> last = Optional.empty();

                @Override
                public AudioSink open() throws IOException {
                    Files.createDirectories(folder);
                    Path file = folder.resolve(String.format("reply-%03d.wav", ++count));
                    last = Optional.of(file);
                    return new WavFileSink(file);
                }

                @Override
                public Optional<Path> last() {
                    return last;
                }

                @Override
                public String description() {
                    return "no sound card: replies written as WAV files to " + folder;
                }
            };
        }

        static Replies toSpeaker(Optional<String> device) {
            return new Replies() {
                @Override
                public AudioSink open() {
                    return SpeakerSink.open(device);
                }

                @Override
                public Optional<Path> last() {
                    return Optional.empty();
                }

                @Override
                public String description() {
                    return "speaker " + device.orElse("(system default)");
                }
            };
        }
    }
}
