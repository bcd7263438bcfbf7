package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.config.LastGoodConfig;
import kiosk.app.run.ConfigurationReload;
import kiosk.app.run.KioskLoop;
import kiosk.app.run.ReloadOutcome;
import kiosk.app.run.Replies;
import kiosk.app.run.StateLock;
import kiosk.app.run.StoreState;
import kiosk.app.run.TurnCounts;
import kiosk.app.service.ControlSocket;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.voice.KioskModels;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelFactory;
import kiosk.speech.AudioSource;
import kiosk.speech.MicrophoneSource;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk run}: the appliance loop with the panel, the speaker and the store, configured by {@code kiosk.conf}.
 * On a machine without GPIO or a sound card it runs the console panel, writes replies to WAV files, and says so.
 * SIGHUP and {@code kioskctl reload} read the configuration and the store again.
 */
@Command(name = "run", description = "Run the kiosk: panel, voice and store (console panel where there is no GPIO).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Speaker device (part of its name); "
            + "default: audio.speaker of the configuration.")
    private Optional<String> speaker;

    /** Counted down when the kiosk has stopped and closed its devices and models. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException, IOException {
        try {
            return serve();
        } finally {
            closed.countDown();
        }
    }

    private Integer serve() throws InterruptedException, IOException {
        Path state = KioskPaths.fromSystemProperties().state();
        // before anything else: a second kiosk on the same state folder would take the control socket over
        try (StateLock lock = StateLock.acquire(state)) {
            return serve(state);
        }
    }

    private Integer serve(Path state) throws InterruptedException, IOException {
        LastGoodConfig lastGood = new LastGoodConfig(state);
        List<String> startProblems = new ArrayList<>();
        Starting starting = startingConfig(lastGood, startProblems);
        KioskConfig config = starting.config();
        Optional<String> speakerName = speaker.or(() -> config.audio().speakerName());
        try (KioskModels models = store.models(config);
             Panel panel = PanelFactory.open(Configuration.panel(config), System.in, System.out)) {
            models.loadSpeechInBackground();
            PrintWriter out = new PrintWriter(System.out, true);
            out.println("kiosk: settings from " + (starting.refused().isPresent() ? "nowhere: the defaults, since "
                    + config.file() + " cannot be used and there is no last good copy" : startProblems.isEmpty()
                    ? config.file() + (java.nio.file.Files.exists(config.file()) ? "" : " (no such file: the defaults)")
                    : lastGood.copy() + " (the last good copy of " + config.file() + ")"));
            out.println("kiosk: " + panel.description());
            // a store refused with no last good copy (a first install) starts out of service, not in a restart loop
            StoreState knowledge = starting.refused().isPresent() ? starting.refused().get()
                    : ConfigurationReload.open(models, models.paths().store(), config,
                    problem -> out.println("kiosk: " + problem), fault -> startProblems.add(fault));
            if (knowledge instanceof StoreState.InService serves) {
                serves.kiosk().phrasing().ifPresent(p -> out.println("kiosk: replies phrased by the model pack "
                        + config.models().pack() + ", every sentence checked against the store's facts"));
            }
            Replies replies;
            try {
                SpeakerSink.open(speakerName).close();
                replies = Replies.toSpeaker(speakerName);
            } catch (SpeechException e) {
                Path folder = models.paths().state().resolve("replies");
                out.println("kiosk: " + e.getMessage() + " Spoken replies are written to " + folder + ".");
                replies = Replies.toFiles(folder);
            }
            Optional<Supplier<AudioSource>> microphone = microphone(config, out);
            Optional<Path> storeOverride = store.override();
            KioskLoop loop = new KioskLoop(panel, knowledge, models, replies, System.out, new KioskLoop.Services(
                    SystemdNotifier.fromEnvironment(), config,
                    () -> remembered(ConfigurationReload.read(config.file(), models, storeOverride), lastGood),
                    Optional.of(TurnCounts.open(models.paths().state().resolve("report.json"))), microphone));
            startProblems.forEach(loop::problem);
            // issue 15: the journal, staff calls and metrics of this kiosk, closed when the loop ends
            Operations operations = Operations.start(config, models, knowledge, loop::problem);
            loop.attend(operations.attendant());
            onHangup(loop);
            stopOnTerminate(loop);
            Path socket = models.paths().socket();
            try (operations; ControlSocket control = ControlSocket.open(socket, loop::control)) {
                out.println("kiosk: kioskctl talks to this kiosk through " + socket);
                return loop.run();
            }
        }
    }

    /** The settings to start with, and why the kiosk starts out of service when none can be used. */
    private record Starting(KioskConfig config, Optional<StoreState.OutOfService> refused) {
    }

    /**
     * The settings to start with: the configuration file's, else (with every problem said) the copy of the last
     * settings that worked, so a typo saved before a power cut does not leave the store without its kiosk. With no
     * copy either (a first install with a broken file), the defaults run the panel and the voice, out of service: the
     * store the broken file names is not known, and serving another (the demo store) would tell shoppers wrong aisles.
     */
    private static Starting startingConfig(LastGoodConfig lastGood, List<String> problems) {
        Path file = KioskPaths.configFile();
        ConfigReader.Result read = ConfigReader.read(file);
        if (read.config().isPresent()) {
            lastGood.remember(read.config().get());
            return new Starting(read.config().get(), Optional.empty());
        }
        read.problems().forEach(problem -> problems.add(problem.toString()));
        String reasons = String.join("; ", problems);
        Optional<KioskConfig> recalled = lastGood.recall(file);
        problems.add(file + " has problems (see kioskctl check); " + (recalled.isPresent()
                ? "started with the last good settings from " + lastGood.copy()
                : "there is no last good copy in " + lastGood.copy() + ", so the kiosk starts out of service on the "
                + "default settings until the file is fixed and reloaded"));
        problems.forEach(Logger::error);
        return recalled.map(config -> new Starting(config, Optional.empty()))
                .orElseGet(() -> new Starting(KioskConfig.defaults(file),
                        Optional.of(StoreState.OutOfService.settings(file, reasons))));
    }

    private static ReloadOutcome remembered(ReloadOutcome outcome, LastGoodConfig lastGood) {
        if (outcome instanceof ReloadOutcome.Loaded loaded) {
            lastGood.remember(loaded.config());
        }
        return outcome;
    }

    /** The configured microphone, when it opens now; otherwise typed and WAV questions only, and why. */
    private static Optional<Supplier<AudioSource>> microphone(KioskConfig config, PrintWriter out) {
        Optional<String> name = config.audio().microphoneName();
        try {
            MicrophoneSource.open(name).close();
            out.println("kiosk: listening on the microphone " + name.orElse("(system default)")
                    + " when the talk button is pressed (/talk on the console)");
            return Optional.of(() -> MicrophoneSource.open(name));
        } catch (SpeechException e) {
            out.println("kiosk: " + e.getMessage() + " Type questions, or WAV files' paths for spoken ones.");
            return Optional.empty();
        }
    }

    /**
     * {@code systemctl stop kiosk} sends SIGTERM: the turn in progress ends, the panel is blanked and every device and
     * model is closed before the JVM exits (a hook that returns at once would leave that to the exit).
     */
    private void stopOnTerminate(KioskLoop loop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.stop();
            try {
                if (!closed.await(10, TimeUnit.SECONDS)) {
                    Logger.warn("the kiosk did not stop within 10 s; exiting anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kiosk-stop"));
    }

    /**
     * SIGHUP: under systemd it is {@code systemctl reload kiosk}, so the configuration and the store are read again;
     * in a terminal it means the terminal went away (an SSH session closed), and a kiosk without its console stops.
     */
    @SuppressWarnings("removal")
    private static void onHangup(KioskLoop loop) {
        boolean underSystemd = System.getenv("NOTIFY_SOCKET") != null || System.getenv("INVOCATION_ID") != null;
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                if (underSystemd) {
                    loop.requestReload().thenAccept(message -> Logger.info("SIGHUP: {}", message));
                } else {
                    Logger.info("SIGHUP: the terminal was closed; the kiosk stops");
                    loop.stop();
                }
            });
        } catch (IllegalArgumentException e) {
            Logger.warn("SIGHUP cannot be caught on this system ({}); use kioskctl reload", e.getMessage());
        }
    }
}
