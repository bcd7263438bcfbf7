package kiosk.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.run.KioskLoop;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelFactory;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk run}: the appliance loop with the panel, the speaker and the store. On a machine without GPIO or a
 * sound card it runs the console panel, writes replies to WAV files, and says so.
 */
@Command(name = "run", description = "Run the kiosk: panel, voice and store (console panel where there is no GPIO).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Speaker device (part of its name).")
    private Optional<String> speaker;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (KioskModels models = store.models();
             Panel panel = PanelFactory.open()) {
            System.out.println("kiosk: " + panel.description());
            StoreKiosk kiosk = StoreOption.open(models, new java.io.PrintWriter(System.out, true));
            KioskLoop.Replies replies;
            try {
                SpeakerSink.open(speaker).close();
                replies = KioskLoop.Replies.toSpeaker(speaker);
            } catch (SpeechException e) {
                Path folder = models.paths().state().resolve("replies");
                System.out.println("kiosk: " + e.getMessage() + " Spoken replies are written to " + folder + ".");
                replies = KioskLoop.Replies.toFiles(folder);
            }
            System.out.println("kiosk: no microphone is used yet: type questions, or WAV files' paths for spoken ones.");
            return new KioskLoop(panel, kiosk, models, replies, System.out).run();
        }
    }
}
