package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kiosk.app.config.KioskConfig;
import kiosk.app.run.ConfigurationReload;
import kiosk.app.run.KioskLoop;
import kiosk.app.run.TurnCounts;
import kiosk.app.service.ControlSocket;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
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

    @Override
    public Integer call() throws InterruptedException, IOException {
        KioskConfig config = Configuration.load();
        Optional<String> speakerName = speaker.or(() -> config.audio().speakerName());
        try (KioskModels models = store.models(config);
             Panel panel = PanelFactory.open()) {
            PrintWriter out = new PrintWriter(System.out, true);
            out.println("kiosk: settings from " + config.file() + (java.nio.file.Files.exists(config.file())
                    ? "" : " (no such file: the defaults)"));
            out.println("kiosk: " + panel.description());
            StoreKiosk kiosk = StoreOption.open(models, out);
            KioskLoop.Replies replies;
            try {
                SpeakerSink.open(speakerName).close();
                replies = KioskLoop.Replies.toSpeaker(speakerName);
            } catch (SpeechException e) {
                Path folder = models.paths().state().resolve("replies");
                out.println("kiosk: " + e.getMessage() + " Spoken replies are written to " + folder + ".");
                replies = KioskLoop.Replies.toFiles(folder);
            }
            Optional<Supplier<AudioSource>> microphone = microphone(config, out);
            Optional<Path> storeOverride = store.override();
            KioskLoop loop = new KioskLoop(panel, kiosk, models, replies, System.out, new KioskLoop.Services(
                    SystemdNotifier.fromEnvironment(), config,
                    () -> ConfigurationReload.read(config.file(), models, storeOverride),
                    Optional.of(TurnCounts.open(models.paths().state().resolve("report.json"))), microphone));
            reloadOnHangup(loop);
            Path socket = models.paths().state().resolve(ControlSocket.FILE_NAME);
            try (ControlSocket control = ControlSocket.open(socket, loop::control)) {
                out.println("kiosk: kioskctl talks to this kiosk through " + socket);
                return loop.run();
            }
        }
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

    /** {@code systemctl reload kiosk} sends SIGHUP; the JDK's signal API is the only way to catch it in Java. */
    @SuppressWarnings("removal")
    private static void reloadOnHangup(KioskLoop loop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> loop.requestReload()
                    .thenAccept(message -> Logger.info("SIGHUP: {}", message)));
        } catch (IllegalArgumentException e) {
            Logger.warn("SIGHUP cannot be caught on this system ({}); use kioskctl reload", e.getMessage());
        }
    }
}
