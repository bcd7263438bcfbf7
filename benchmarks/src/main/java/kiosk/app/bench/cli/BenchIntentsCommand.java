package kiosk.app.bench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.bench.Percentiles;
import kiosk.app.bench.QuestionSet;
import kiosk.app.bench.Voices;
import kiosk.app.cli.JsonLines;
import kiosk.app.commands.CommandContext;
import kiosk.app.commands.CommandResult;
import kiosk.app.commands.IntentScore;
import kiosk.app.commands.SpeechToIntent;
import kiosk.app.voice.KioskModels;
import kiosk.speech.Audio;
import kiosk.speech.NoiseMixer;
import kiosk.speech.Reading;
import kiosk.speech.WavFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench intents}: command acceptance as the Picovoice speech-to-intent benchmark scores it, on clean
 * audio and with noise mixed at each SNR, with real-time factor and per-utterance latency; then the other side of
 * the coin, speech that is no command (store questions in two voices, the noise alone), which must not be taken for
 * one. One process, the model loaded once.
 */
@Command(name = "intents", description = "Speech-to-intent command acceptance (Picovoice benchmark method).")
public final class BenchIntentsCommand implements Callable<Integer> {

    private static final String SHARED = "../shared/data/speech-to-intent";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Noise-alone clips: as many, and as long, as a short batch of commands. */
    private static final int NOISE_CLIPS = 60;
    /** Silence after a synthesized store question, as bench spoken plays them (the lead: {@link Voices#asPlayed}). */
    private static final int QUESTION_TRAIL_MILLIS = 300;
    private static final int NOISE_CLIP_MILLIS = 3000;

    @Option(names = "--context", defaultValue = SHARED + "/coffee_maker.yaml", description = "Command context YAML.")
    private Path context;

    @Option(names = "--labels", defaultValue = SHARED + "/labels.json",
            description = "labels.json: file → intent, slots.")
    private Path labels;

    @Option(names = "--audio", defaultValue = SHARED + "/clean", description = "Folder of the labelled WAV files.")
    private Path audio;

    @Option(names = "--noise", description = "Noise WAV to mix in (e.g. " + SHARED + "/noise/kitchen.wav).")
    private Optional<Path> noise;

    @Option(names = "--snr", split = ",", defaultValue = "24,21,18,15,12,9,6", description = "SNRs in dB.")
    private List<Double> snrs;

    @Option(names = "--seed", defaultValue = "20241124", description = "Seed for the noise segments.")
    private long seed;

    @Option(names = "--limit",
            description = "Only the first N files, and N utterances of each rejection set (short mode).")
    private Optional<Integer> limit;

    @Option(names = "--negatives", defaultValue = "bench/demo-questions.yaml",
            description = "Question set whose questions are no command: spoken, each must be rejected.")
    private Path negatives;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Option(names = "--readings", paramLabel = "OUT",
            description = "Write every utterance's readings and decoder scores, one JSON object a line, for analysis.")
    private Optional<Path> readingsOut;

    @Option(names = "--show-misses", description = "Print each rejected command and each accepted non-command.")
    private boolean showMisses;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (Path required : List.of(context, labels, audio)) {
            if (!Files.exists(required)) {
                spec.commandLine().getErr().println("kiosk: " + required + " does not exist (the shared benchmark data "
                        + "lives in ../shared/data/speech-to-intent); nothing to measure");
                return 2;
            }
        }
        JsonNode labelTree = JSON.readTree(labels.toFile());
        List<String> files = new ArrayList<>();
        labelTree.fieldNames().forEachRemaining(files::add);
        files.sort(String::compareTo);
        files = files.subList(0, Math.min(files.size(), limit.orElse(Integer.MAX_VALUE)));
        List<Audio> clips = new ArrayList<>();
        for (String file : files) {
            clips.add(WavFile.read(audio.resolve(file)));
        }
        Optional<Audio> noiseAudio = noise.map(WavFile::read);
        Map<String, Object> result = new LinkedHashMap<>();
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties());
             BufferedWriter dump = readingsOut.isPresent() ? Files.newBufferedWriter(readingsOut.get()) : null) {
            SpeechToIntent speechToIntent = new SpeechToIntent(models.speechModel(),
                    List.of(CommandContext.load(context)));
            speechToIntent.infer(clips.get(0)); // warm-up
            out.println("Command acceptance, " + files.size() + " utterances of " + audio + ", context " + context
                    + ":");
            out.println();
            out.println("| condition | accepted | real-time factor | latency p50 ms | latency p95 ms |");
            out.println("|---|---|---|---|---|");
            List<String> conditions = new ArrayList<>(List.of("clean"));
            noiseAudio.ifPresent(n -> snrs.forEach(snr -> conditions.add(snr.intValue() + " dB")));
            double noisySum = 0;
            for (int c = 0; c < conditions.size(); c++) {
                Random random = new Random(seed);
                Double snr = c == 0 ? null : snrs.get(c - 1);
                Function<Audio, Audio> condition = snr == null ? clip -> clip
                        : clip -> NoiseMixer.mix(clip, noiseAudio.get(), snr, random);
                Map<String, Object> row = acceptance(conditions.get(c), condition, files, clips, labelTree,
                        speechToIntent, dump, out);
                result.put(conditions.get(c), row);
                noisySum += c == 0 ? 0 : (double) row.get("accepted");
            }
            if (conditions.size() > 1) {
                double mean = noisySum / (conditions.size() - 1);
                String over = String.join(",", snrs.stream().map(s -> Integer.toString(s.intValue())).toList());
                out.printf("| mean over %s dB | %.1f %% | | | |%n", over, 100 * mean);
                result.put("mean_noisy", mean);
            }
            out.println();
            out.println("Latency: from the last audio chunk to intent and slots (the recognizer runs while the person "
                    + "speaks).");
            out.println();
            result.put("rejection", rejection(models, speechToIntent, noiseAudio, out));
        }
        if (json.isPresent()) {
            Files.writeString(json.get(), JsonLines.write(result) + "\n");
        }
        return 0;
    }

    private Map<String, Object> acceptance(String condition, Function<Audio, Audio> mixing, List<String> files,
                                           List<Audio> clips, JsonNode labelTree, SpeechToIntent speechToIntent,
                                           BufferedWriter dump, PrintWriter out) throws IOException {
        int accepted = 0;
        double audioMs = 0;
        double computeMs = 0;
        double[] latencies = new double[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Audio clip = mixing.apply(clips.get(i));
            SpeechToIntent.Inference inference = speechToIntent.infer(clip);
            JsonNode label = labelTree.get(files.get(i));
            Map<String, String> slots = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = label.path("slots").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> slot = it.next();
                slots.put(slot.getKey(), slot.getValue().asText());
            }
            if (dump != null) {
                List<Reading> readings = inference.transcript().readings();
                dump.write(JSON.writeValueAsString(Map.of("file", files.get(i), "condition", condition,
                        "readings", readings.stream().map(Reading::text).toList(),
                        "scores", readings.stream().map(Reading::score).toList(),
                        "unheard", readings.stream().map(Reading::unheard).toList(), "slots", slots)) + "\n");
            }
            boolean ok = IntentScore.accepted(label.path("intent").asText(), slots, inference.result());
            accepted += ok ? 1 : 0;
            if (!ok && showMisses) {
                out.println("  miss (" + condition + ") " + files.get(i) + ": heard \""
                        + inference.transcript().text() + "\" -> " + inference.result() + "; expected " + slots);
            }
            audioMs += clip.durationMillis();
            computeMs += inference.timingsMs().get("total");
            latencies[i] = inference.timingsMs().get("stt_final") + inference.timingsMs().get("understand");
        }
        double share = accepted / (double) files.size();
        double p50 = Percentiles.of(latencies, 50);
        double p95 = Percentiles.of(latencies, 95);
        out.printf("| %s | %.1f %% | %.3f | %.1f | %.1f |%n", condition, 100 * share, computeMs / audioMs, p50, p95);
        out.flush();
        return Map.of("accepted", share, "rtf", computeMs / audioMs, "latency_ms_p50", p50, "latency_ms_p95", p95);
    }

    /** Speech that is no command, each utterance of which must come out "not understood". */
    private Map<String, Object> rejection(KioskModels models, SpeechToIntent speechToIntent, Optional<Audio> noiseAudio,
                                          PrintWriter out) throws IOException {
        Map<String, List<Audio>> sets = new LinkedHashMap<>();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        if (Files.exists(negatives)) {
            List<String> questions = QuestionSet.load(negatives).sessions().stream().flatMap(List::stream)
                    .map(QuestionSet.Turn::ask).limit(limit.orElse(Integer.MAX_VALUE)).toList();
            texts.put("store questions, FreeTTS voice", questions);
            sets.put("store questions, FreeTTS voice", questions.stream()
                    .map(question -> Voices.asPlayed(Voices.freeTts(models.synthesizer(), question),
                            QUESTION_TRAIL_MILLIS)).toList());
            if (Voices.espeakInstalled()) {
                Path scratch = Files.createTempDirectory("kiosk-bench");
                texts.put("store questions, espeak-ng voice", questions);
                sets.put("store questions, espeak-ng voice", questions.stream()
                        .map(question -> Voices.asPlayed(Voices.espeak(question, scratch).orElse(Audio.silence(1000)),
                                QUESTION_TRAIL_MILLIS)).toList());
                Files.deleteIfExists(scratch); // each WAV is deleted once read
            } else {
                out.println("(espeak-ng is not installed: its voice is skipped; apt-get install espeak-ng)");
            }
        } else {
            out.println("(no question set at " + negatives + ": spoken questions skipped)");
        }
        noiseAudio.ifPresent(n -> sets.put("the noise alone", noiseClips(n, limit.orElse(NOISE_CLIPS))));
        out.println("Speech that is no command (each utterance must come out \"not understood\"):");
        out.println();
        out.println("| utterances | count | taken for a command |");
        out.println("|---|---|---|");
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<Audio>> set : sets.entrySet()) {
            int taken = 0;
            for (int i = 0; i < set.getValue().size(); i++) {
                SpeechToIntent.Inference inference = speechToIntent.infer(set.getValue().get(i));
                if (inference.result() instanceof CommandResult.Understood understood) {
                    taken++;
                    if (showMisses) {
                        String said = texts.containsKey(set.getKey()) ? "\"" + texts.get(set.getKey()).get(i) + "\""
                                : "clip " + i;
                        out.println("  taken (" + set.getKey() + ") " + said + ": heard \""
                                + inference.transcript().text() + "\" -> " + understood);
                    }
                }
            }
            int count = set.getValue().size();
            out.printf("| %s | %d | %d (%.1f %%) |%n", set.getKey(), count, taken, 100.0 * taken / Math.max(1, count));
            out.flush();
            result.put(set.getKey(), Map.of("utterances", count, "taken_for_a_command", taken));
        }
        return result;
    }

    /** Random stretches of the noise file, scaled to half full scale as the mixed commands are. */
    private List<Audio> noiseClips(Audio noise, int count) {
        short[] samples = noise.samples();
        int length = (int) Math.min(samples.length, noise.format().sampleRate() * NOISE_CLIP_MILLIS / 1000L);
        Random random = new Random(seed);
        List<Audio> clips = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int offset = samples.length == length ? 0 : random.nextInt(samples.length - length);
            clips.add(NoiseMixer.halfFullScale(Audio.ofSamples(
                    java.util.Arrays.copyOfRange(samples, offset, offset + length))));
        }
        return clips;
    }
}
