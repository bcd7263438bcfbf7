package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.commands.CommandContext;
import kiosk.app.commands.CommandResult;
import kiosk.app.commands.SpeechToIntent;
import kiosk.app.dialogue.Reply;
import kiosk.app.staff.Attendant;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import kiosk.speech.SoundLevel;
import kiosk.speech.SpeechException;
import kiosk.speech.WavFile;
import kiosk.speech.WavFileSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk listen --wav A.wav [B.wav…]}: each file is one shopper turn of one session — recognize, understand,
 * answer, synthesize. With {@code --context FILE} the files are spoken commands scored against that context only.
 */
@Command(name = "listen", description = "Answer spoken questions from WAV files, one turn per file.")
public final class ListenCommand implements Callable<Integer> {

    @Option(names = "--wav", arity = "1..*", paramLabel = "FILE.wav", description = "Shopper turns.")
    private List<Path> wavOptions = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "FILE.wav", description = "More shopper turns (the same as --wav).")
    private List<Path> wavParameters = new ArrayList<>();

    private List<Path> wavs;

    @Mixin
    private StoreOption store;

    @Option(names = "--context", paramLabel = "FILE.yaml",
            description = "Only spoken commands of this context: print intent and slots per file.")
    private Optional<Path> context;

    @Option(names = {"--out-dir", "--out"}, paramLabel = "DIR", description = "Write each reply as DIR/<name>.reply.wav.")
    private Optional<Path> outDir;

    @Option(names = "--json", description = "One JSON object per file: file, text, intent, slots, answer, "
            + "confidence, escalate, timings_ms.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        wavs = new ArrayList<>(wavOptions);
        wavs.addAll(wavParameters);
        if (wavs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one WAV file (--wav FILE.wav)");
        }
        if (outDir.isPresent()) {
            Files.createDirectories(outDir.get());
        }
        try (KioskModels models = store.models()) {
            return context.isPresent() ? commandsOnly(models, context.get()) : shopperTurns(models);
        }
    }

    private int shopperTurns(KioskModels models) {
        PrintWriter err = spec.commandLine().getErr();
        StoreKiosk kiosk = StoreOption.open(models, err);
        VoiceTurns voice = kiosk.voiceTurns();
        ShopperSession session = kiosk.newSession();
        int failures = 0;
        // issue 15: each spoken turn goes to the journal (redacted), with its loudness for the staff call
        Optional<Attendant> attendant = Attendant.openOrSay(
                Configuration.load(), models.paths().state(), problem -> err.println("kiosk: " + problem));
        for (Path wav : wavs) {
            try {
                Audio audio = WavFile.read(wav);
                SpokenTurn turn = takeTurn(voice, session, wav, audio);
                attendant.ifPresent(a -> a.turn(turn.reply(), turn.timingsMs(),
                        java.util.OptionalDouble.of(SoundLevel.of(audio).rmsDbfs())));
                print(wav, turn);
            } catch (SpeechException e) {
                failures++;
                fail(wav, e.getMessage());
            }
        }
        attendant.ifPresent(Attendant::finish);
        return failures == 0 ? 0 : 1;
    }

    private int commandsOnly(KioskModels models, Path contextFile) {
        SpeechToIntent speechToIntent = new SpeechToIntent(models.speechModel(), List.of(CommandContext.load(contextFile)));
        int failures = 0;
        for (Path wav : wavs) {
            try {
                SpeechToIntent.Inference inference = speechToIntent.infer(WavFile.read(wav));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", wav.toString());
                line.put("text", inference.transcript().text());
                if (inference.result() instanceof CommandResult.Understood understood) {
                    line.put("understood", true);
                    line.put("intent", understood.intent());
                    line.put("slots", understood.slots());
                    line.put("confidence", understood.confidence());
                } else if (inference.result() instanceof CommandResult.NotUnderstood notUnderstood) {
                    line.put("understood", false);
                    line.put("intent", "not_understood");
                    line.put("slots", Map.of());
                    line.put("reason", notUnderstood.reason());
                }
                line.put("timings_ms", inference.timingsMs());
                spec.commandLine().getOut().println(json ? JsonLines.write(line) : line);
            } catch (SpeechException e) {
                failures++;
                fail(wav, e.getMessage());
            }
            spec.commandLine().getOut().flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private SpokenTurn takeTurn(VoiceTurns voice, ShopperSession session, Path wav, Audio audio) {
        if (outDir.isEmpty()) {
            return voice.take(audio, session, chunk -> { });
        }
        try (WavFileSink sink = new WavFileSink(outDir.get().resolve(baseName(wav) + ".reply.wav"))) {
            return voice.take(audio, session, sink::write);
        }
    }

    private void print(Path wav, SpokenTurn turn) {
        PrintWriter out = spec.commandLine().getOut();
        Reply reply = turn.reply();
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", wav.toString());
            line.putAll(AskCommand.toJson(reply));
            line.put("stt_confidence", turn.transcript().confidence());
            line.put("timings_ms", turn.timingsMs()); // every stage of the spoken turn, not only understanding
            out.println(JsonLines.write(line));
        } else {
            out.println(wav.getFileName() + ": heard \"" + turn.transcript().text() + "\"");
            out.println("  -> " + reply.answer());
        }
        out.flush();
    }

    private void fail(Path wav, String message) {
        spec.commandLine().getErr().println("kiosk: " + message);
        if (json) {
            spec.commandLine().getOut().println(JsonLines.write(Map.of("file", wav.toString(), "error", message)));
            spec.commandLine().getOut().flush();
        }
    }

    private static String baseName(Path wav) {
        String name = wav.getFileName().toString();
        return name.toLowerCase().endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
    }
}
