package kiosk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.dialogue.Reply;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.AudioSink;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import kiosk.speech.WavFile;
import kiosk.speech.WavFileSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk demo}: the kiosk on a laptop. Each line typed is a shopper's question (or the path of a WAV file with
 * a spoken one); the answer is printed and spoken through the speaker, or written to a WAV file when there is none.
 */
@Command(name = "demo", description = "Try the kiosk: type questions or WAV paths; answers are printed and spoken.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Where replies go when there is no speaker (default: <state>/replies).")
    private Optional<Path> outDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KioskModels models = store.models()) {
            StoreKiosk kiosk = StoreOption.open(models, err);
            VoiceTurns voice = kiosk.voiceTurns();
            ShopperSession session = kiosk.newSession();
            Replies replies = new Replies(outDir.orElse(models.paths().state().resolve("replies")), out);
            out.println(kiosk.knowledge().name() + " — " + kiosk.knowledge().greeting());
            out.println("Type a question (or the path of a WAV file) and press Enter; an empty line or Ctrl-D ends.");
            out.print("> ");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
                String question = line.strip();
                try (AudioSink speaker = replies.open()) {
                    if (question.toLowerCase().endsWith(".wav") && Files.isRegularFile(Path.of(question))) {
                        SpokenTurn turn = voice.take(WavFile.read(Path.of(question)), session, speaker::write);
                        out.println("heard: " + turn.transcript().text());
                        show(out, turn.reply());
                    } else {
                        Reply reply = voice.understand(session, question);
                        show(out, reply);
                        voice.speak(reply.answer(), speaker::write);
                    }
                } catch (SpeechException e) {
                    err.println("kiosk: " + e.getMessage());
                }
                replies.report();
                out.print("> ");
                out.flush();
            }
            out.println();
        }
        return 0;
    }

    private static void show(PrintWriter out, Reply reply) {
        out.println(reply.answer() + reply.aisle().map(aisle -> "   [AISLE " + aisle + "]").orElse("")
                + (reply.escalate() ? "   [team member called]" : ""));
    }

    /** The speaker when there is one; otherwise numbered WAV files, and the first time a sentence saying so. */
    private static final class Replies {
        private final Path folder;
        private final PrintWriter out;
        private boolean speakerMissing;
        private int count;
        private Optional<Path> lastFile = Optional.empty();

        Replies(Path folder, PrintWriter out) {
            this.folder = folder;
            this.out = out;
        }

        AudioSink open() throws IOException {
            lastFile = Optional.empty();
            if (!speakerMissing) {
                try {
                    return SpeakerSink.open(Optional.empty());
                } catch (SpeechException e) {
                    speakerMissing = true;
                    out.println("(" + e.getMessage() + " Replies are written to " + folder + ".)");
                }
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(String.format("reply-%03d.wav", ++count));
            lastFile = Optional.of(file);
            return new WavFileSink(file);
        }

        void report() {
            lastFile.ifPresent(file -> out.println("(spoken reply: " + file + ")"));
        }
    }
}
