package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kiosk.app.bench.AnswerScore;
import kiosk.app.bench.QuestionSet;
import kiosk.app.bench.Voices;
import kiosk.app.dialogue.GroundingCheck;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import kiosk.speech.RecognizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench spoken}: the question set spoken by FreeTTS and by espeak-ng, answered through the whole voice
 * path (recognition, understanding, synthesis), scored like typed answers, with the latency a shopper feels: end of
 * speech to the first audio of the reply.
 */
@Command(name = "spoken", description = "Score spoken answers (FreeTTS and espeak-ng voices) and end-of-speech latency.")
public final class BenchSpokenCommand implements Callable<Integer> {

    /** Which recognizer configurations to compare. */
    enum Recognition { BIASED, FREE, BOTH }

    @Mixin
    private StoreOption store;

    @Mixin
    private QuestionSetOptions set;

    @Option(names = "--recognition", defaultValue = "BIASED",
            description = "BIASED (store vocabulary), FREE, or BOTH to compare (default: ${DEFAULT-VALUE}).")
    private Recognition recognition;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("kiosk-bench");
        try (KioskModels models = store.models()) {
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            GroundingCheck grounding = new GroundingCheck(kiosk.knowledge());
            List<List<QuestionSet.Turn>> sessions = set.sessions();
            boolean espeak = Voices.espeakInstalled();
            if (!espeak) {
                out.println("(espeak-ng is not installed: the second voice is skipped; apt-get install espeak-ng)");
            }
            out.println(AnswerScore.header("voice, recognition", "end of speech → first reply audio,"));
            for (Recognition mode : recognition == Recognition.BOTH
                    ? List.of(Recognition.BIASED, Recognition.FREE) : List.of(recognition)) {
                VoiceTurns voice = mode == Recognition.FREE
                        ? new VoiceTurns(models.speechModel(), models.synthesizer(), RecognizerOptions.free())
                        : kiosk.voiceTurns();
                for (String voiceName : espeak ? List.of("freetts", "espeak-ng") : List.of("freetts")) {
                    AnswerScore score = new AnswerScore();
                    double audioMs = 0;
                    double sttMs = 0;
                    for (List<QuestionSet.Turn> turns : sessions) {
                        ShopperSession session = kiosk.newSession();
                        for (QuestionSet.Turn turn : turns) {
                            Audio question = turn.ask().isBlank() ? Audio.silence(1000)
                                    : voiceName.equals("freetts") ? Voices.freeTts(models.synthesizer(), turn.ask())
                                    : Voices.espeak(turn.ask(), scratch).orElse(Audio.silence(1000));
                            SpokenTurn spoken = voice.take(question.append(Audio.silence(300)), session, chunk -> { });
                            audioMs += question.durationMillis();
                            sttMs += spoken.timingsMs().get("stt") + spoken.timingsMs().get("stt_final");
                            score.add(turn, spoken.transcript().text(), spoken.reply().intent(),
                                    spoken.reply().answer(), grounding.ungrounded(spoken.reply().answer()),
                                    spoken.timingsMs().get("end_of_speech_to_first_audio"));
                        }
                    }
                    String label = voiceName + ", " + mode.name().toLowerCase();
                    out.println(score.row(label));
                    Map<String, Object> entry = score.toMap();
                    entry.put("stt_real_time_factor", sttMs / Math.max(1, audioMs));
                    result.put(label, entry);
                    if (set.showMisses) {
                        score.misses().forEach(miss -> out.println("  miss (" + label + "): " + miss));
                    }
                    out.flush();
                }
            }
        } finally {
            try (var files = Files.list(scratch)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(scratch);
        }
        result.forEach((label, entry) -> out.printf("%s: recognition real-time factor %.3f%n", label,
                ((Map<?, ?>) entry).get("stt_real_time_factor")));
        if (set.json.isPresent()) {
            Files.writeString(set.json.get(), JsonLines.write(result) + "\n");
        }
        return 0;
    }
}
