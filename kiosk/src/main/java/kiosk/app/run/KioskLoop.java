package kiosk.app.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import kiosk.speech.AudioSink;
import kiosk.speech.RecognitionEvent;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import kiosk.speech.StreamingRecognizer;
import kiosk.speech.WavFile;
import kiosk.speech.WavFileSink;
import org.tinylog.Logger;

/**
 * The appliance loop: panel events become session events, the {@link SessionMachine} decides, and this class
 * carries out its actions with the devices it owns. One thread consumes the event queue; recognition and speech run
 * on their own threads and report back through the queue, so a press while speaking (barge-in) is handled at once.
 *
 * <p>Without a microphone, a typed line stands for what the shopper said, and a typed WAV path for their voice.
 * Typed lines wait their turn: one is taken whenever the session is not listening, thinking or speaking, so a
 * pasted list of questions is answered one by one, and {@code /quit} takes effect after the last answer.
 */
public final class KioskLoop {

    private final Panel panel;
    private final StoreKiosk kiosk;
    private final KioskModels models;
    private final Replies replies;
    private final PrintStream log;
    private final SessionMachine machine;
    private final SystemdNotifier systemd;
    private final kiosk.speech.RecognizerOptions recognition;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean stopSpeaking = new AtomicBoolean();
    private ShopperSession session;
    private Optional<String> pendingText = Optional.empty();
    private Optional<Path> pendingAudio = Optional.empty();
    private final java.util.ArrayDeque<PanelEvent> typed = new java.util.ArrayDeque<>();
    private boolean quitting;
    private SessionAction.Show lastShown;

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log) {
        this(panel, kiosk, models, replies, log, SystemdNotifier.fromEnvironment());
    }

    public KioskLoop(Panel panel, StoreKiosk kiosk, KioskModels models, Replies replies, PrintStream log,
                     SystemdNotifier systemd) {
        this.systemd = systemd;
        this.panel = panel;
        this.kiosk = kiosk;
        this.models = models;
        this.replies = replies;
        this.log = log;
        this.machine = new SessionMachine(SessionMachine.Settings.defaults(kiosk.knowledge().greeting()));
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
                } else if (event instanceof SessionEvent.StaffPressed && !typed.isEmpty()) {
                    typed.add(new PanelEvent.StaffPressed()); // typed after questions still waiting: keep the order
                } else {
                    handle((SessionEvent) event);
                }
                if (!busy()) {
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
            events.add(new SessionEvent.Fault(fault.component(), fault.message(), fault.recovered()));
        }
    }

    private void perform(SessionAction action) {
        if (action instanceof SessionAction.StartListening) {
            listen();
        } else if (action instanceof SessionAction.Understand understand) {
            Reply reply = session.respond(understand.text());
            log.println("heard: \"" + understand.text() + "\" -> " + reply.intent());
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
        } else if (action instanceof SessionAction.EndSession) {
            session = kiosk.newSession();
        }
        // FinishListening: typed and recorded questions end by themselves here (no microphone on this machine)
    }

    /** Typed text is heard as it is; a WAV path streams through recognition, partial text shown as it grows. */
    private void listen() {
        Optional<String> text = pendingText;
        Optional<Path> audio = pendingAudio;
        pendingText = Optional.empty();
        pendingAudio = Optional.empty();
        if (text.isPresent()) {
            events.add(new SessionEvent.Heard(text.get()));
            return;
        }
        if (audio.isEmpty()) {
            log.println("(no microphone on this machine: type a question or a WAV file's path)");
            events.add(new SessionEvent.Heard(""));
            return;
        }
        Thread recognizing = new Thread(() -> {
            try (StreamingRecognizer recognizer = models.speechModel().open(recognition)) {
                for (AudioChunk chunk : WavFile.read(audio.get()).chunks(100)) {
                    if (recognizer.accept(chunk) instanceof RecognitionEvent.Partial partial) {
                        events.add(new SessionEvent.Partial(partial.text()));
                    }
                }
                events.add(new SessionEvent.Heard(recognizer.finish().text()));
            } catch (SpeechException e) {
                log.println("kiosk: " + e.getMessage());
                events.add(new SessionEvent.Heard(""));
            }
        }, "kiosk-recognition");
        recognizing.setDaemon(true);
        recognizing.start();
    }

    private void speak(String text) {
        stopSpeaking.set(false);
        Thread speaker = new Thread(() -> {
            try (AudioSink sink = replies.open()) {
                models.synthesizer().speak(text, chunk -> {
                    if (!stopSpeaking.get()) {
                        sink.write(chunk);
                    }
                });
            } catch (SpeechException | IOException e) {
                log.println("kiosk: cannot play the reply: " + e.getMessage());
            }
            replies.last().ifPresent(file -> log.println("(spoken reply: " + file + ")"));
            events.add(new SessionEvent.SpeechDone());
        }, "kiosk-speaker");
        speaker.setDaemon(true);
        speaker.start();
    }

    private static Light light(SessionAction.Light light) {
        return Light.valueOf(light.name());
    }

    /** Where spoken replies go: the speaker when there is one, otherwise numbered WAV files. */
    public interface Replies {
        AudioSink open() throws IOException;

        Optional<Path> last();

        /** Numbered WAV files in {@code folder}: the speaker of a machine without a sound card. */
        static Replies toFiles(Path folder) {
            return new Replies() {
                private int count;
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
            };
        }
    }
}
