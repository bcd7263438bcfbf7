package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.bench.AnswerJudge;
import kiosk.app.bench.AnswerScore;
import kiosk.app.bench.QuestionSet;
import kiosk.app.bench.Voices;
import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench spoken}: question sets spoken by FreeTTS and by espeak-ng, answered through the whole voice
 * path (recognition, understanding, synthesis), scored like typed answers, with the right share of the in-catalog
 * questions, the false answers to out-of-catalog ones (an aisle, price or stock for something the store does not
 * sell) and the latency a shopper feels: end of speech to the first audio of the reply.
 */
@Command(name = "spoken", description = "Score spoken answers (FreeTTS and espeak-ng voices) and end-of-speech latency.")
public final class BenchSpokenCommand implements Callable<Integer> {

    /** Which recognizer configurations to compare. */
    enum Recognition { BIASED, FREE, BOTH }

    /** Which voices speak the questions; written in lower case on the command line, as the issue names them. */
    enum Voice {
        FREETTS, ESPEAK, BOTH;

        /** Reads "freetts", "espeak" or "both" in any case. */
        static final class Parser implements ITypeConverter<Voice> {
            @Override
            public Voice convert(String value) {
                return Arrays.stream(values()).filter(voice -> voice.name().equalsIgnoreCase(value)).findFirst()
                        .orElseThrow(() -> new TypeConversionException("'" + value
                                + "' is not a voice; the voices are freetts, espeak and both"));
            }
        }
    }

    /** Silence after the question; before it, {@link Voices#LEAD_MILLIS} (see {@link Voices#asPlayed}). */
    static final int TRAIL_MILLIS = 300;

    @Mixin
    private StoreOption store;

    @Mixin
    private QuestionSetOptions set;

    @Option(names = "--recognition", defaultValue = "BIASED",
            description = "BIASED (store vocabulary), FREE, or BOTH to compare (default: ${DEFAULT-VALUE}).")
    private Recognition recognition;

    @Option(names = "--voice", defaultValue = "both", converter = Voice.Parser.class,
            description = "freetts, espeak (espeak-ng) or both (default: ${DEFAULT-VALUE}).")
    private Voice voice;

    @Option(names = "--save-transcripts", paramLabel = "FILE",
            description = "Also write what the recognizer heard of every question, for --replay-transcripts.")
    private Optional<Path> saveTranscripts;

    @Option(names = "--replay-transcripts", paramLabel = "FILE",
            description = "Weigh and answer the transcripts a --save-transcripts run heard, without speaking or "
                    + "recognizing again (the latency columns then count the understanding only).")
    private Optional<Path> replayTranscripts;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> voiceNames = voices(out);
        Path scratch = Files.createTempDirectory("kiosk-bench");
        Optional<SavedTranscripts> replay = replayTranscripts.map(SavedTranscripts::read);
        SavedTranscripts saved = new SavedTranscripts();
        List<String> causeLines = new ArrayList<>();
        try (KioskModels models = store.models()) {
            out.println("| set, voice, recognition | turns | right | in-catalog right | out-of-catalog false answers "
                    + "| answers with wrong or invented facts | parroted | end of speech → first reply audio p50 ms "
                    + "| p95 ms |\n|---|---|---|---|---|---|---|---|---|");
            List<String> missLines = new ArrayList<>();
            List<String> confirmedRows = new ArrayList<>();
            for (QuestionSetOptions.Run run : set.runs(models, spec.commandLine().getErr())) {
                for (Recognition mode : recognition == Recognition.BOTH
                        ? List.of(Recognition.BIASED, Recognition.FREE) : List.of(recognition)) {
                    VoiceTurns turnsOfVoice = mode == Recognition.FREE
                            ? new VoiceTurns(models.speechModel(), models.synthesizer(), RecognizerOptions.free())
                            : run.kiosk().voiceTurns();
                    for (String voiceName : voiceNames) {
                        AnswerScore score = new AnswerScore();
                        // the same transcripts in a second session of the same kiosk, where the shopper answers
                        // "Did you say the X?": the strict score above stays the first answer's
                        AnswerScore afterConfirmation = new AnswerScore();
                        SimulatedShopper shopper = new SimulatedShopper(run.kiosk()::newSession);
                        int[] confirmations = new int[SimulatedShopper.Answer.values().length];
                        SpokenMisses misses = new SpokenMisses(run.kiosk()::newSession, run.judge());
                        String label = run.file() + ", " + voiceName + ", " + mode.name().toLowerCase();
                        double audioMs = 0;
                        double sttMs = 0;
                        List<List<QuestionSet.Turn>> sessions = run.sessions();
                        for (int s = 0; s < sessions.size(); s++) {
                            List<QuestionSet.Turn> turns = sessions.get(s);
                            ShopperSession session = run.kiosk().newSession();
                            ShopperSession answering = run.kiosk().newSession();
                            for (int t = 0; t < turns.size(); t++) {
                                QuestionSet.Turn turn = turns.get(t);
                                String key = SavedTranscripts.key(run.file(), voiceName + "," + mode, s, t,
                                        turn.ask());
                                Transcript heard;
                                Reply reply;
                                double latency;
                                if (replay.isPresent()) {
                                    heard = replay.get().get(key).orElseThrow(() -> new IllegalArgumentException(
                                            replayTranscripts.get() + " holds no transcript of " + key));
                                    reply = session.respond(heard);
                                    latency = reply.timingsMs().getOrDefault("understand", 0.0);
                                } else {
                                    Audio question = speak(models, voiceName, turn.ask(), scratch);
                                    SpokenTurn spoken = turnsOfVoice.take(Voices.asPlayed(question, TRAIL_MILLIS),
                                            session, chunk -> { });
                                    audioMs += question.durationMillis();
                                    sttMs += spoken.timingsMs().get("stt") + spoken.timingsMs().get("stt_final");
                                    heard = spoken.transcript();
                                    reply = spoken.reply();
                                    latency = spoken.timingsMs().get("end_of_speech_to_first_audio");
                                }
                                saved.put(key, heard);
                                String answer = reply.answer();
                                AnswerJudge.Verdict verdict = run.judge().judge(turn, answer);
                                score.add(turn, heard(heard), reply.intent(), answer, verdict, latency);
                                Reply experienced = answering.respond(heard);
                                Optional<String> confirmed = SimulatedShopper.confirmed(experienced);
                                if (confirmed.isPresent()) {
                                    SimulatedShopper.Answer said = shopper.answer(turns, t, confirmed.get());
                                    confirmations[said.ordinal()]++;
                                    String asked = experienced.answer();
                                    experienced = answering.respond(said.said);
                                    AnswerJudge.Verdict then = run.judge().judge(turn, experienced.answer());
                                    if (set.showMisses) {
                                        causeLines.add("  confirmed (" + label + "): \"" + turn.ask() + "\" -> "
                                                + asked + " \"" + said.said + "\" -> " + experienced.answer()
                                                + (then.right() ? "  [right]" : "  [not right]")
                                                + (then.wrongFact() ? "  [WRONG FACT]" : ""));
                                    }
                                }
                                afterConfirmation.add(turn, heard(heard), experienced.intent(), experienced.answer(),
                                        run.judge().judge(turn, experienced.answer()), latency);
                                if (set.showMisses && !verdict.right()) {
                                    causeLines.add("  why (" + label + "): \"" + turn.ask() + "\" "
                                            + misses.explain(turns, t, heard, reply).line() + words(heard));
                                }
                            }
                        }
                        out.printf("| %s | %d | %.1f %% | %.1f %% | %d of %d | %d | %d | %.1f | %.1f |%n", label,
                                score.turns(), 100 * score.all().rightShare(), 100 * score.inCatalog().rightShare(),
                                score.falseAnswers(), score.outOfCatalog(), score.all().wrongOrInvented(),
                                score.all().parroted(), score.all().percentile(50), score.all().percentile(95));
                        out.flush();
                        confirmedRows.add(String.format("| %s | %d | %d / %d | %.1f %% | %.1f %% | %d of %d | %d |",
                                label, score.turns(), confirmations[SimulatedShopper.Answer.YES.ordinal()],
                                confirmations[SimulatedShopper.Answer.NO.ordinal()],
                                100 * afterConfirmation.all().rightShare(),
                                100 * afterConfirmation.inCatalog().rightShare(), afterConfirmation.falseAnswers(),
                                afterConfirmation.outOfCatalog(), afterConfirmation.all().wrongOrInvented()));
                        Map<String, Object> entry = score.toMap();
                        Map<String, Object> confirmedEntry = afterConfirmation.toMap();
                        confirmedEntry.put("confirmations_answered_yes",
                                confirmations[SimulatedShopper.Answer.YES.ordinal()]);
                        confirmedEntry.put("confirmations_answered_no",
                                confirmations[SimulatedShopper.Answer.NO.ordinal()]);
                        entry.put("after_one_confirmation", confirmedEntry);
                        entry.put("stt_real_time_factor", sttMs / Math.max(1, audioMs));
                        result.put(label, entry);
                        if (set.showMisses) {
                            score.misses().forEach(miss -> missLines.add("  miss (" + label + "): " + miss));
                            StringBuilder causes = new StringBuilder("  misses by cause (" + label + "):");
                            for (SpokenMisses.Cause cause : SpokenMisses.Cause.values()) {
                                causes.append(" ").append(cause.label).append(" ")
                                        .append(misses.counts().getOrDefault(cause, 0)).append(";");
                            }
                            causeLines.add(causes.toString());
                        }
                    }
                }
            }
            out.println();
            out.println("After one confirmation: the shopper answers \"Did you say the X?\" typed, \"yes\" when X is "
                    + "the product the question typed is answered with, else \"no\", and the kiosk's next answer "
                    + "is scored");
            out.println("| set, voice, recognition | turns | confirmations answered yes / no | right | in-catalog "
                    + "right | out-of-catalog false answers | answers with wrong or invented facts |\n"
                    + "|---|---|---|---|---|---|---|");
            confirmedRows.forEach(out::println);
            missLines.forEach(out::println);
            causeLines.forEach(out::println);
            if (saveTranscripts.isPresent()) {
                saved.write(saveTranscripts.get());
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

    /** The voices to use; espeak-ng is skipped, with a line saying so, when it is not installed. */
    private List<String> voices(PrintWriter out) {
        List<String> names = new ArrayList<>();
        if (voice != Voice.ESPEAK) {
            names.add("freetts");
        }
        if (voice != Voice.FREETTS) {
            if (Voices.espeakInstalled()) {
                names.add("espeak-ng");
            } else {
                out.println("(espeak-ng is not installed: its voice is skipped; apt-get install espeak-ng)");
            }
        }
        return names;
    }

    /** The text understood and, when two decoders heard it, what the other one heard: a miss shows both. */
    private static String heard(Transcript transcript) {
        return transcript.text() + transcript.rival().map(rival -> " | " + rival.source().name().toLowerCase()
                + ": " + rival.text()).orElse("");
    }

    /** The free decoder's words with their confidences, and the grammar's readings: what a miss had to go on. */
    private static String words(Transcript heard) {
        StringBuilder text = new StringBuilder();
        List<Transcript> both = new ArrayList<>(List.of(heard));
        heard.rival().ifPresent(both::add);
        for (Transcript transcript : both) {
            if (transcript.source() == Transcript.Source.FREE) {
                text.append("\n      free:");
                transcript.words().forEach(word -> text.append(String.format(Locale.ROOT, " %s/%.2f", word.text(),
                        word.confidence())));
            } else {
                text.append("\n      grammar:");
                double top = transcript.readings().get(0).score();
                transcript.readings().forEach(reading -> text.append(String.format(Locale.ROOT, " \"%s\" %.1f%s;",
                        reading.text(), reading.score() - top, reading.unheard() > 0 ? " +" + reading.unheard()
                                + " unk" : "")));
            }
        }
        return text.toString();
    }

    private static Audio speak(KioskModels models, String voiceName, String text, Path scratch) {
        if (text.isBlank()) {
            return Audio.silence(1000);
        }
        return voiceName.equals("freetts") ? Voices.freeTts(models.synthesizer(), text)
                : Voices.espeak(text, scratch).orElse(Audio.silence(1000));
    }
}
