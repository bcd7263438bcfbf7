package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import kiosk.app.bench.CatalogLookups;
import kiosk.app.bench.Percentiles;
import kiosk.app.bench.QuestionSet;
import kiosk.app.bench.RealTimeSource;
import kiosk.app.bench.Voices;
import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import kiosk.speech.Transcriber;
import kiosk.speech.WavFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench latency}: spoken questions played at real-time pace, as a microphone delivers them, through the
 * kiosk's one turn pipeline ({@link VoiceTurns}: recognizer with end-of-speech detection → understanding →
 * synthesis), timed from the moment the shopper stops speaking; with cold start, memory, the recognizer's real-time
 * factor and catalog lookups at 1k/10k/100k rows. Run it as its own process: it measures the process it runs in.
 */
@Command(name = "latency", description = "Latency a shopper feels, at real-time pace, with cold start and memory.")
public final class BenchLatencyCommand implements Callable<Integer> {

    /** Silence before the question (the shopper draws breath after pressing) and after it (the endpoint's wait). */
    private static final int LEAD_MILLIS = 300;
    private static final int TRAIL_MILLIS = 1500;
    /** Resident memory is read after this many spoken turns (the kiosk's steady state). */
    private static final int MEMORY_TURNS = 50;

    @Mixin
    private StoreOption store;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "bench/demo-questions.yaml",
            description = "Question set whose questions are spoken (default: ${DEFAULT-VALUE}).")
    private Path questions;

    @Option(names = "--per-voice", paramLabel = "N", defaultValue = "30",
            description = "Questions spoken by each voice, and real recordings played (default: ${DEFAULT-VALUE}).")
    private int perVoice;

    @Option(names = "--recordings", paramLabel = "DIR", description = "Real recordings (WAV) to play too "
            + "(default: the shared speech-to-intent recordings, when present).")
    private Optional<Path> recordings;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Option(names = "--short", description = "A few turns and small catalogs (CI: checks it runs, judges nothing).")
    private boolean shortRun;

    @Spec
    private CommandSpec spec;

    /** One spoken question: which voice, and its audio. */
    private record Clip(String voice, Audio audio) {
    }

    /** Milliseconds from the end of speech to each moment, and the recognizer's share of the audio's duration. */
    private record Turn(double finalText, double answer, double firstAudio, double recognitionComputeMs,
                        double audioMs) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean warmProcess = ManagementFactory.getRuntimeMXBean().getUptime() > 3000;
        Map<String, Object> result = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("kiosk-latency");
        try (KioskModels models = store.models()) {
            models.loadSpeechInBackground(); // as kiosk run does
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            VoiceTurns voice = kiosk.voiceTurns();
            voice.take(Audio.silence(300), kiosk.newSession(), chunk -> { }); // compiles the store's vocabulary
            long coldStart = System.currentTimeMillis() - jvmStart;

            List<Clip> clips = clips(models, scratch);
            List<Turn> turns = new ArrayList<>();
            Optional<Long> rssAfterTurns = Optional.empty();
            int planned = shortRun ? clips.size() : Math.max(MEMORY_TURNS, clips.size());
            for (int i = 0; i < planned; i++) {
                Turn turn = turn(voice, kiosk, clips.get(i % clips.size()).audio());
                if (i < clips.size()) {
                    turns.add(turn); // repeats only bring the kiosk to its 50 turns for the memory figure
                }
                if (i + 1 == Math.min(planned, MEMORY_TURNS)) {
                    rssAfterTurns = Optional.of(procStatusMegabytes("VmRSS"));
                }
            }
            int turnsForMemory = Math.min(planned, MEMORY_TURNS);
            long heap = CatalogLookups.usedHeap();
            long peakRss = procStatusMegabytes("VmHWM");

            double rtf = turns.stream().mapToDouble(Turn::recognitionComputeMs).sum()
                    / turns.stream().mapToDouble(Turn::audioMs).sum();
            Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
            stats.put("final_text_ms", stats(turns.stream().mapToDouble(Turn::finalText).toArray()));
            stats.put("answer_ms", stats(turns.stream().mapToDouble(Turn::answer).toArray()));
            stats.put("first_audio_ms", stats(turns.stream().mapToDouble(Turn::firstAudio).toArray()));
            Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
            stages.put("recognition_final", stats(turns.stream().mapToDouble(Turn::finalText).toArray()));
            stages.put("understanding", stats(turns.stream().mapToDouble(t -> t.answer() - t.finalText()).toArray()));
            stages.put("synthesis_first_audio", stats(turns.stream()
                    .mapToDouble(t -> t.firstAudio() - t.answer()).toArray()));

            Map<String, Object> lookups = new LinkedHashMap<>();
            for (int rows : new int[] {1000, 10_000, 100_000}) {
                Map<String, Object> lookup = new LinkedHashMap<>();
                if (shortRun && rows > 1000) {
                    lookup.put("p95", null); // the keys are there for whoever reads the JSON; no figure is judged
                    lookup.put("skipped", "short run");
                } else {
                    CatalogLookups.Result measured = CatalogLookups.measure(models, rows, shortRun ? 50 : 1000);
                    lookup.put("p50", round(measured.p50Ms()));
                    lookup.put("p95", round(measured.p95Ms()));
                }
                lookups.put("rows_" + rows, lookup);
            }

            result.putAll(stats);
            result.put("stages_ms", stages);
            result.put("cold_start_ms", coldStart);
            result.put("peak_rss_mb", peakRss);
            result.put("heap_mb", Math.round(heap / 1e6));
            result.put("rtf", round(rtf));
            result.put("rss_mb_after_turns", Map.of("mb", rssAfterTurns.orElse(-1L), "turns", turnsForMemory));
            result.put("lookup_ms", lookups);
            result.put("voices", clips.stream().collect(java.util.stream.Collectors.groupingBy(Clip::voice,
                    LinkedHashMap::new, java.util.stream.Collectors.counting())));
            print(out, stats, stages, result, warmProcess);
            if (json.isPresent()) {
                Files.writeString(json.get(), JsonLines.write(result) + "\n");
            }
        } finally {
            try (Stream<Path> files = Files.list(scratch)) {
                files.forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(scratch);
        }
        return 0;
    }

    /** The questions in FreeTTS's and espeak-ng's voices, and the shared real recordings. */
    private List<Clip> clips(KioskModels models, Path scratch) throws IOException {
        int count = shortRun ? 2 : perVoice;
        List<String> asked = QuestionSet.load(questions).sessions().stream().flatMap(List::stream)
                .map(QuestionSet.Turn::ask).limit(count).toList();
        List<Clip> clips = new ArrayList<>();
        asked.forEach(text -> clips.add(new Clip("freetts", Voices.freeTts(models.synthesizer(), text))));
        if (Voices.espeakInstalled()) {
            for (String text : asked) {
                Voices.espeak(text, scratch).ifPresent(audio -> clips.add(new Clip("espeak-ng", audio)));
            }
        } else {
            spec.commandLine().getErr().println("(espeak-ng is not installed: its voice is left out)");
        }
        Path folder = recordings.orElse(Path.of(System.getProperty("kiosk.shared", "../shared"), "data",
                "speech-to-intent", "clean"));
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path wav : files.filter(f -> f.toString().endsWith(".wav")).sorted().limit(count).toList()) {
                    clips.add(new Clip("recording", WavFile.read(wav)));
                }
            }
        } else {
            spec.commandLine().getErr().println("(no recordings at " + folder + ": only synthetic voices)");
        }
        return clips;
    }

    /**
     * One question through the pipeline's stages as {@code kiosk run} calls them: played at real-time pace into
     * the recognizer with end-of-speech detection, answered in a new session, the reply synthesized until its first
     * audio (the rest is discarded).
     */
    private static Turn turn(VoiceTurns voice, StoreKiosk kiosk, Audio question) {
        RealTimeSource microphone = new RealTimeSource(Audio.silence(LEAD_MILLIS).append(question)
                .append(Audio.silence(TRAIL_MILLIS)));
        long listenStart = System.nanoTime();
        Transcriber.Result heard = voice.listen(microphone, true, partial -> { }, () -> false);
        long finalText = System.nanoTime();
        Reply reply = voice.understand(kiosk.newSession(), heard.transcript().text());
        long answer = System.nanoTime();
        long[] firstAudio = {0};
        voice.speak(reply.answer(), chunk -> {
            if (firstAudio[0] == 0) {
                firstAudio[0] = System.nanoTime();
            }
        });
        long endOfSpeech = microphone.startNanos() + (LEAD_MILLIS + question.durationMillis()) * 1_000_000;
        double computeMs = (finalText - listenStart - microphone.waitedNanos()) / 1e6;
        return new Turn((finalText - endOfSpeech) / 1e6, (answer - endOfSpeech) / 1e6,
                ((firstAudio[0] == 0 ? answer : firstAudio[0]) - endOfSpeech) / 1e6, computeMs, heard.audioMillis());
    }

    private static Map<String, Object> stats(double[] values) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("p50", round(Percentiles.of(values, 50)));
        stats.put("p95", round(Percentiles.of(values, 95)));
        stats.put("max", round(java.util.Arrays.stream(values).max().orElse(0)));
        stats.put("n", values.length);
        return stats;
    }

    private static void print(PrintWriter out, Map<String, Map<String, Object>> stats,
                              Map<String, Map<String, Object>> stages, Map<String, Object> result,
                              boolean warmProcess) {
        out.println("| from the end of speech to … (ms) | p50 | p95 | max | n |");
        out.println("|---|---|---|---|---|");
        stats.forEach((name, s) -> out.printf("| %s | %s | %s | %s | %s |%n", name, s.get("p50"), s.get("p95"),
                s.get("max"), s.get("n")));
        stages.forEach((name, s) -> out.printf("| stage: %s | %s | %s | %s | %s |%n", name, s.get("p50"),
                s.get("p95"), s.get("max"), s.get("n")));
        out.println();
        out.println("| cold start | peak RSS | heap | recognizer RTF | RSS after turns | lookup p95 by catalog rows |");
        out.println("|---|---|---|---|---|---|");
        Map<?, ?> rss = (Map<?, ?>) result.get("rss_mb_after_turns");
        StringBuilder lookups = new StringBuilder();
        ((Map<?, ?>) result.get("lookup_ms")).forEach((rows, s) -> lookups.append(lookups.isEmpty() ? "" : ", ")
                .append(rows.toString().substring("rows_".length())).append(": ")
                .append(((Map<?, ?>) s).get("p95") == null ? "skipped" : ((Map<?, ?>) s).get("p95") + " ms"));
        out.printf("| %s ms | %s MB | %s MB | %s | %s MB after %s | %s |%n", result.get("cold_start_ms"),
                result.get("peak_rss_mb"), result.get("heap_mb"), result.get("rtf"), rss.get("mb"), rss.get("turns"),
                lookups);
        if (warmProcess) {
            out.println("(this process did other work first, as in bench smoke: the cold start is not one; run "
                    + "bin/kiosk bench latency on its own)");
        }
    }

    private static long procStatusMegabytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
