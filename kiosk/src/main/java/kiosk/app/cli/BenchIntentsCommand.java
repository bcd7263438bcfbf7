package kiosk.app.cli;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.bench.Percentiles;
import kiosk.app.commands.CommandContext;
import kiosk.app.commands.IntentScore;
import kiosk.app.commands.SpeechToIntent;
import kiosk.app.voice.KioskModels;
import kiosk.speech.Audio;
import kiosk.speech.NoiseMixer;
import kiosk.speech.WavFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench intents}: command acceptance as the Picovoice speech-to-intent benchmark scores it, on clean
 * audio and with noise mixed at each SNR, with real-time factor and per-utterance latency. One process, the model
 * loaded once.
 */
@Command(name = "intents", description = "Speech-to-intent command acceptance (Picovoice benchmark method).")
public final class BenchIntentsCommand implements Callable<Integer> {

    private static final String SHARED = "../shared/data/speech-to-intent";

    @Option(names = "--context", defaultValue = SHARED + "/coffee_maker.yaml", description = "Command context YAML.")
    private Path context;

    @Option(names = "--labels", defaultValue = SHARED + "/labels.json", description = "labels.json: file → intent, slots.")
    private Path labels;

    @Option(names = "--audio", defaultValue = SHARED + "/clean", description = "Folder of the labelled WAV files.")
    private Path audio;

    @Option(names = "--noise", description = "Noise WAV to mix in (e.g. " + SHARED + "/noise/kitchen.wav).")
    private Optional<Path> noise;

    @Option(names = "--snr", split = ",", defaultValue = "24,21,18,15,12,9,6", description = "SNRs in dB.")
    private List<Double> snrs;

    @Option(names = "--seed", defaultValue = "20241124", description = "Seed for the noise segments.")
    private long seed;

    @Option(names = "--limit", description = "Only the first N files (short mode).")
    private Optional<Integer> limit;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Option(names = "--show-misses", description = "Print each rejected utterance.")
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
        JsonNode labelTree = new ObjectMapper().readTree(labels.toFile());
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
        out.println("Command acceptance, " + files.size() + " utterances of " + audio + ", context " + context + ":");
        out.println();
        out.println("| condition | accepted | real-time factor | latency p50 ms | latency p95 ms |");
        out.println("|---|---|---|---|---|");
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties())) {
            SpeechToIntent speechToIntent = new SpeechToIntent(models.speechModel(), List.of(CommandContext.load(context)));
            speechToIntent.infer(clips.get(0)); // warm-up
            double noisySum = 0;
            List<String> conditions = new ArrayList<>(List.of("clean"));
            noiseAudio.ifPresent(n -> snrs.forEach(snr -> conditions.add(snr.intValue() + " dB")));
            for (int c = 0; c < conditions.size(); c++) {
                String condition = conditions.get(c);
                Random random = new Random(seed);
                int accepted = 0;
                double audioMs = 0;
                double computeMs = 0;
                double[] latencies = new double[files.size()];
                for (int i = 0; i < files.size(); i++) {
                    Audio clip = c == 0 ? clips.get(i) : NoiseMixer.mix(clips.get(i), noiseAudio.get(), snrs.get(c - 1),
                            random);
                    SpeechToIntent.Inference inference = speechToIntent.infer(clip);
                    JsonNode label = labelTree.get(files.get(i));
                    Map<String, String> slots = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = label.path("slots").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> slot = it.next();
                        slots.put(slot.getKey(), slot.getValue().asText());
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
                if (c > 0) {
                    noisySum += share;
                }
                double p50 = Percentiles.of(latencies, 50);
                double p95 = Percentiles.of(latencies, 95);
                out.printf("| %s | %.1f %% | %.3f | %.1f | %.1f |%n", condition, 100 * share, computeMs / audioMs, p50, p95);
                out.flush();
                result.put(condition, Map.of("accepted", share, "rtf", computeMs / audioMs, "latency_ms_p50", p50,
                        "latency_ms_p95", p95));
            }
            if (conditions.size() > 1) {
                double mean = noisySum / (conditions.size() - 1);
                out.printf("| mean over %s dB | %.1f %% | | | |%n", snrs.stream().map(s -> Integer.toString(s.intValue()))
                        .reduce((a, b) -> a + "," + b).orElse(""), 100 * mean);
                result.put("mean_noisy", mean);
            }
        }
        out.println();
        out.println("Latency: from the last audio chunk to intent and slots (the recognizer runs while the person speaks).");
        if (json.isPresent()) {
            Files.writeString(json.get(), JsonLines.write(result) + "\n");
        }
        return 0;
    }
}
