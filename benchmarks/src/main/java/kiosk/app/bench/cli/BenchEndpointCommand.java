package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import kiosk.app.KioskPaths;
import kiosk.app.bench.Percentiles;
import kiosk.app.bench.QuestionSet;
import kiosk.app.bench.Voices;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.EndOfSpeech;
import kiosk.speech.Endpointer;
import kiosk.speech.RecognitionEvent;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechEnd;
import kiosk.speech.StreamingRecognizer;
import kiosk.speech.Transcriber;
import kiosk.speech.TurnCompleteness;
import kiosk.speech.WavFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench endpoint}: end-of-speech policies replayed offline. Each clip (the real recordings, and the
 * question set in FreeTTS's and espeak-ng's voices) is decoded once by the free decoder, as the live path's biased
 * recognizer does, keeping its text after every 100 ms chunk; then the live {@link Endpointer} is replayed over the
 * chunks and that text for each policy. For each: how many clips the endpoint cut off before their speech ended
 * ({@link SpeechEnd}, from the clip's own audio) and how long the shopper waits from the end of speech to the
 * endpoint. Clips are split into a development and a test half by a hash of their name (a recording's file name,
 * a question's text): policies are chosen on the first and reported on both.
 */
@Command(name = "endpoint", description = "End-of-speech policies replayed: cut-off commands against the wait.")
public final class BenchEndpointCommand implements Callable<Integer> {

    /** Silence after the clip (before it, {@link Voices#LEAD_MILLIS}, as in bench latency). */
    private static final int TRAIL_MILLIS = 2500;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "bench/demo-questions.yaml",
            description = "Question set whose questions are spoken (default: ${DEFAULT-VALUE}).")
    private Path questions;

    @Option(names = "--recordings", paramLabel = "DIR", description = "Real recordings (WAV) "
            + "(default: the shared speech-to-intent recordings, when present).")
    private java.util.Optional<Path> recordings;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "kiosk/demo-store",
            description = "Store whose understanding judges the spoken questions' completeness (default: "
                    + "${DEFAULT-VALUE}); the recordings are judged by it with their own command context added.")
    private Path store;

    @Option(names = "--test-half", description = "Also print the semantic end of turn's figures on the test half "
            + "(report it once, after choosing on the development half).")
    private boolean testHalf;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many questions and this many recordings (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Spec
    private CommandSpec spec;

    /** One clip decoded once: its chunks, the decoder's text after each, where its speech ends, and its half. */
    private record Trace(String kind, String name, boolean dev, List<AudioChunk> chunks, String[] heard,
                         long speechEndMillis, Supplier<ShopperSession> judge) {
    }

    /**
     * The semantic end of turn replayed on one clip: where the first reply began (the first endpoint), where the
     * question finally ended (after any resumptions), how many times the shopper went on after the reply began
     * (false starts, each within {@link VoiceTurns#RESUMPTION_WINDOW}), and whether the question was cut off (an
     * endpoint before the speech's end that no resumption caught). -1: silence never ended it.
     */
    private record Semantic(Trace trace, long firstEndpoint, long lastEndpoint, int falseStarts, boolean early) {
        boolean cutOff() {
            return lastEndpoint >= 0 && lastEndpoint < trace.speechEndMillis();
        }

        /** Silence never ended the question (live, the caller's limit or the released button would). */
        boolean neverEnded() {
            return lastEndpoint < 0;
        }

        /** From the end of speech to the reply the shopper keeps (to the first one, when it was not stopped). */
        long waitMillis() {
            return lastEndpoint - trace.speechEndMillis();
        }
    }

    /** Where a policy put the endpoint in one clip: ms of audio fed, or -1 when it never ended by silence. */
    private record Outcome(Trace trace, long endpointMillis) {
        boolean cutOff() {
            return endpointMillis >= 0 && endpointMillis < trace.speechEndMillis();
        }

        long waitMillis() {
            return endpointMillis - trace.speechEndMillis();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("kiosk-endpoint");
        List<Trace> traces = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties().withStore(store))) {
            // each clip is judged in a new shopper's session of the store, as a first question
            StoreKiosk questionsStore = StoreKiosk.open(store, models, problem -> err.println("kiosk: " + problem));
            Supplier<ShopperSession> questionJudge = questionsStore::newSession;
            List<String> asked = QuestionSet.load(questions).sessions().stream().flatMap(List::stream)
                    .map(QuestionSet.Turn::ask).distinct().limit(limit).toList();
            for (String text : asked) {
                traces.add(trace(models, "freetts", text, Voices.freeTts(models.synthesizer(), text), questionJudge));
                Voices.espeak(text, scratch).ifPresent(audio -> traces.add(trace(models, "espeak-ng", text, audio,
                        questionJudge)));
            }
            Path data = Path.of(System.getProperty("kiosk.shared", "../shared"), "data", "speech-to-intent");
            Path folder = recordings.orElse(data.resolve("clean"));
            if (Files.isDirectory(folder)) {
                // the recordings are coffee-machine commands: a store that takes them has their context, and a
                // command its parser is sure of is complete (the semantic end of turn's hardest case: a shopper who
                // pauses after "a dark roast" may be adding "with oat milk")
                Supplier<ShopperSession> commandJudge = questionJudge;
                Path context = data.resolve("coffee_maker.yaml");
                if (Files.isRegularFile(context)) {
                    Path commandStore = scratch.resolve("store");
                    copyStore(store, commandStore, context);
                    StoreKiosk withCommands = StoreKiosk.open(commandStore, models,
                            problem -> err.println("kiosk: " + problem));
                    commandJudge = withCommands::newSession;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path wav : files.filter(f -> f.toString().endsWith(".wav")).sorted().limit(limit).toList()) {
                        traces.add(trace(models, "recording", wav.getFileName().toString(), WavFile.read(wav),
                                commandJudge));
                    }
                }
            }
            semantic(out, traces);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        out.printf("%d clips: %d synthetic, %d recordings (dev half: %d, %d)%n", traces.size(),
                traces.stream().filter(t -> !t.kind().equals("recording")).count(),
                traces.stream().filter(t -> t.kind().equals("recording")).count(),
                traces.stream().filter(t -> t.dev() && !t.kind().equals("recording")).count(),
                traces.stream().filter(t -> t.dev() && t.kind().equals("recording")).count());
        out.println("| policy: silence after complete / open text (ms) | half | recordings cut off | recordings "
                + "never ended | synthetic cut off | synthetic wait p50 / p95 / max (ms) | recordings wait p50 / p95 |");
        out.println("|---|---|---|---|---|---|---|");
        for (EndOfSpeech policy : policies()) {
            for (boolean dev : new boolean[] {true, false}) {
                List<Outcome> outcomes = traces.stream().filter(t -> t.dev() == dev)
                        .map(t -> new Outcome(t, endpoint(t, policy))).toList();
                List<Outcome> real = outcomes.stream().filter(o -> o.trace().kind().equals("recording")).toList();
                List<Outcome> synthetic = outcomes.stream().filter(o -> !o.trace().kind().equals("recording")).toList();
                double[] syntheticWait = waits(synthetic);
                double[] realWait = waits(real);
                out.printf("| %s%d / %d | %s | %d of %d | %d | %d of %d | %.0f / %.0f / %.0f | %.0f / %.0f |%n",
                        policy.equals(VoiceTurns.END_OF_SPEECH) ? "**live** " : "",
                        policy.afterComplete().toMillis(), policy.afterOpenWord().toMillis(), dev ? "dev" : "test",
                        real.stream().filter(Outcome::cutOff).count(), real.size(),
                        real.stream().filter(o -> o.endpointMillis() < 0).count(),
                        synthetic.stream().filter(Outcome::cutOff).count(), synthetic.size(),
                        Percentiles.of(syntheticWait, 50), Percentiles.of(syntheticWait, 95),
                        java.util.Arrays.stream(syntheticWait).max().orElse(0),
                        Percentiles.of(realWait, 50), Percentiles.of(realWait, 95));
            }
        }
        // what was heard where the live policy and the shortest ones cut a clip off, and where the live one waited
        // longest: which words a speaker paused after
        for (EndOfSpeech policy : List.of(VoiceTurns.END_OF_SPEECH, EndOfSpeech.after(Duration.ofMillis(500)),
                EndOfSpeech.after(Duration.ofMillis(400)))) {
            for (Trace trace : traces) {
                Outcome outcome = new Outcome(trace, endpoint(trace, policy));
                boolean slow = outcome.endpointMillis() >= 0 && policy.equals(VoiceTurns.END_OF_SPEECH)
                        && outcome.waitMillis() > policy.afterComplete().toMillis() + 150;
                if (outcome.cutOff() || slow) {
                    out.printf("%s %d/%d %s %s%s: endpoint at %d ms, speech ends at %d ms, heard \"%s\"%n",
                            outcome.cutOff() ? "cut off" : "slow", policy.afterComplete().toMillis(),
                            policy.afterOpenWord().toMillis(), trace.dev() ? "dev" : "test", trace.kind(),
                            trace.kind().equals("recording") ? " " + trace.name() : " \"" + trace.name() + "\"",
                            outcome.endpointMillis(), trace.speechEndMillis(),
                            heardAt(trace.heard(), outcome.endpointMillis()));
                }
            }
        }
        return 0;
    }

    /** The fixed silences, and two-level policies over a grid. */
    private static List<EndOfSpeech> policies() {
        List<EndOfSpeech> policies = new ArrayList<>();
        for (int fixed : new int[] {400, 500, 600, 800, 1000, 1200}) {
            policies.add(EndOfSpeech.after(Duration.ofMillis(fixed)));
        }
        for (int complete : new int[] {300, 400, 500, 600, 700}) {
            for (int open : new int[] {800, 1000, 1200, 1500, 2000}) {
                policies.add(new EndOfSpeech(Duration.ofMillis(complete), Duration.ofMillis(open)));
            }
        }
        if (!policies.contains(VoiceTurns.END_OF_SPEECH)) {
            policies.add(0, VoiceTurns.END_OF_SPEECH);
        }
        return policies;
    }

    /** Decodes the clip once with the free decoder (endpointing off), keeping its text after each chunk. */
    private static Trace trace(KioskModels models, String kind, String name, Audio clip,
                               Supplier<ShopperSession> judge) {
        Audio played = Voices.asPlayed(clip, TRAIL_MILLIS);
        List<AudioChunk> chunks = played.chunks(Transcriber.CHUNK_MILLIS);
        String[] heard = new String[chunks.size()];
        try (StreamingRecognizer free = models.speechModel().open(RecognizerOptions.free())) {
            for (int i = 0; i < chunks.size(); i++) {
                RecognitionEvent event = free.accept(chunks.get(i));
                heard[i] = event instanceof RecognitionEvent.Partial partial ? partial.text() : "";
            }
            free.finish();
        }
        OptionalLong end = SpeechEnd.of(clip);
        return new Trace(kind, name, dev(name), chunks, heard, Voices.LEAD_MILLIS + end.orElse(0), judge);
    }

    /** The live rule replayed: ms of audio fed when the endpoint fell, or -1 when silence never ended the clip. */
    private static long endpoint(Trace trace, EndOfSpeech policy) {
        Endpointer endpointer = new Endpointer(policy);
        long fed = 0;
        for (int i = 0; i < trace.chunks().size(); i++) {
            fed += trace.chunks().get(i).durationMillis();
            if (endpointer.accept(trace.chunks().get(i), trace.heard()[i])) {
                return fed;
            }
        }
        return -1;
    }

    /** The store folder's files, and {@code context} as its one command context. */
    static void copyStore(Path from, Path to, Path context) throws IOException {
        Files.createDirectories(to.resolve("contexts"));
        for (String file : List.of("store.yaml", "catalog.csv", "faq.yaml")) {
            if (Files.isRegularFile(from.resolve(file))) {
                Files.copy(from.resolve(file), to.resolve(file));
            }
        }
        Files.copy(context, to.resolve("contexts").resolve(context.getFileName()));
    }

    /**
     * The semantic end of turn over the grid of short silences, on the development half (and the test half with
     * {@code --test-half}), with the live one marked; then every false start and cut-off of the live one.
     */
    private void semantic(PrintWriter out, List<Trace> traces) {
        out.println();
        out.println("Semantic end of turn with resumption (long silence "
                + VoiceTurns.END_OF_SPEECH.afterComplete().toMillis() + " ms; live: "
                + VoiceTurns.COMPLETE_TURN_SILENCE.toMillis() + " ms after " + VoiceTurns.EARLY_END + ", window "
                + VoiceTurns.RESUMPTION_WINDOW.toMillis() + " ms). Resumed: the speaker went on within the window, the "
                + "reply stopped and the whole question was heard; cut off: an endpoint before the speech's end that no "
                + "resumption caught (a wrong answer):");
        out.println("| silence after a complete turn (ms) | turns ending early | resumption window (ms) | half | "
                + "recordings cut off | recordings resumed | recordings ended early | recordings never ended by silence "
                + "| synthetic cut off | synthetic resumed | synthetic ended early | synthetic never ended by silence | "
                + "synthetic wait p50 / p95 / max (ms) | recordings wait p50 / p95 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Long> grid = new ArrayList<>(List.of(100L, 200L, 300L));
        if (!grid.contains(VoiceTurns.COMPLETE_TURN_SILENCE.toMillis())) {
            grid.add(VoiceTurns.COMPLETE_TURN_SILENCE.toMillis());
        }
        List<Duration> windows = new ArrayList<>(List.of(Duration.ofMillis(1000), Duration.ofMillis(2000)));
        if (!windows.contains(VoiceTurns.RESUMPTION_WINDOW)) {
            windows.add(VoiceTurns.RESUMPTION_WINDOW);
        }
        // one session a clip for the whole grid: its verdicts depend on the words and the kinds only (a new
        // conversation judges them), and each is made once
        java.util.Map<Trace, ShopperSession> sessions = new java.util.IdentityHashMap<>();
        traces.forEach(trace -> sessions.put(trace, trace.judge().get()));
        for (ShopperSession.EarlyEnd kinds : ShopperSession.EarlyEnd.values()) {
            for (long silence : grid) {
                for (Duration window : windows) {
                    for (boolean dev : testHalf ? new boolean[] {true, false} : new boolean[] {true}) {
                        List<Semantic> outcomes = traces.stream().filter(t -> t.dev() == dev)
                                .map(t -> semantic(t, sessions.get(t), Duration.ofMillis(silence), kinds, window))
                                .toList();
                        List<Semantic> real = outcomes.stream().filter(o -> o.trace().kind().equals("recording"))
                                .toList();
                        List<Semantic> synthetic = outcomes.stream()
                                .filter(o -> !o.trace().kind().equals("recording")).toList();
                        double[] syntheticWait = semanticWaits(synthetic);
                        double[] realWait = semanticWaits(real);
                        boolean live = silence == VoiceTurns.COMPLETE_TURN_SILENCE.toMillis()
                                && kinds == VoiceTurns.EARLY_END && window.equals(VoiceTurns.RESUMPTION_WINDOW);
                        out.printf("| %s%d | %s | %d | %s | %d of %d | %d | %d | %d | %d of %d | %d | %d | %d | %.0f / "
                                        + "%.0f / %.0f | %.0f / %.0f |%n",
                                live ? "**live** " : "", silence, kinds.name().toLowerCase(java.util.Locale.ROOT),
                                window.toMillis(), dev ? "dev" : "test",
                                real.stream().filter(Semantic::cutOff).count(), real.size(),
                                real.stream().filter(o -> o.falseStarts() > 0 && !o.cutOff()).count(),
                                real.stream().filter(Semantic::early).count(),
                                real.stream().filter(Semantic::neverEnded).count(),
                                synthetic.stream().filter(Semantic::cutOff).count(), synthetic.size(),
                                synthetic.stream().filter(o -> o.falseStarts() > 0 && !o.cutOff()).count(),
                                synthetic.stream().filter(Semantic::early).count(),
                                synthetic.stream().filter(Semantic::neverEnded).count(),
                                Percentiles.of(syntheticWait, 50), Percentiles.of(syntheticWait, 95),
                                java.util.Arrays.stream(syntheticWait).max().orElse(0),
                                Percentiles.of(realWait, 50), Percentiles.of(realWait, 95));
                    }
                }
            }
        }
        for (ShopperSession.EarlyEnd kinds : ShopperSession.EarlyEnd.values()) {
            for (Trace trace : traces) {
                if (!trace.dev() && !testHalf) {
                    continue;
                }
                Semantic outcome = semantic(trace, sessions.get(trace), VoiceTurns.COMPLETE_TURN_SILENCE, kinds,
                        VoiceTurns.RESUMPTION_WINDOW);
                if (outcome.cutOff() || outcome.falseStarts() > 0 || outcome.neverEnded()) {
                    out.printf("%s (%d ms after %s) %s %s%s: first endpoint at %d ms, last at %d ms, speech ends at "
                                    + "%d ms, heard \"%s\" then \"%s\"%n",
                            outcome.cutOff() ? "cut off" : outcome.neverEnded() ? "never ended by silence" : "resumed",
                            VoiceTurns.COMPLETE_TURN_SILENCE.toMillis(),
                            kinds.name().toLowerCase(java.util.Locale.ROOT), trace.dev() ? "dev" : "test",
                            trace.kind(),
                            trace.kind().equals("recording") ? " " + trace.name() : " \"" + trace.name() + "\"",
                            outcome.firstEndpoint(), outcome.lastEndpoint(), trace.speechEndMillis(),
                            heardAt(trace.heard(), outcome.firstEndpoint()), heardAt(trace.heard(), -1));
                }
            }
        }
    }

    /**
     * The live semantic end of turn replayed over one clip: the long silence of {@link VoiceTurns#END_OF_SPEECH},
     * and {@code silence} after text that {@code session} takes for a turn of {@code kinds}. After an early
     * endpoint, a fresh endpointer listens on as {@link VoiceTurns#listenOn} does (from the noise floor heard before): speech within {@code window} is a
     * resumption (the reply began, then stopped) and the question goes on, judged on all its text so far (the
     * decoder's running text, which holds both parts); no speech in the window, and the question ended there.
     * (Live, a resumption is the decoder hearing a word; here, a chunk loud enough for the endpointer to count as
     * speech: the replay has no second decoder.)
     */
    private static Semantic semantic(Trace trace, ShopperSession session, Duration silence,
                                     ShopperSession.EarlyEnd kinds, Duration window) {
        TurnCompleteness judge = heard -> session.endsEarly(heard, kinds);
        EndOfSpeech policy = VoiceTurns.END_OF_SPEECH.whenComplete(silence, judge);
        Endpointer endpointer = new Endpointer(policy);
        long fed = 0;
        long first = -1;
        int falseStarts = 0;
        boolean early = false;
        List<AudioChunk> chunks = trace.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            fed += chunks.get(i).durationMillis();
            if (!endpointer.accept(chunks.get(i), trace.heard()[i])) {
                continue;
            }
            if (first < 0) {
                first = fed;
                early = endpointer.endedEarly();
            }
            if (!endpointer.endedEarly()) {
                return new Semantic(trace, first, fed, falseStarts, early);
            }
            // listen on for the resumption window with a fresh endpointer, as the live path opens a recognizer,
            // starting from the noise floor heard before the early end (as VoiceTurns.listenOn hands it on)
            Endpointer after = new Endpointer(policy.continuing(endpointer.noiseFloor()));
            long endpoint = fed;
            int resumedAt = -1;
            for (int j = i + 1; j < chunks.size() && fed - endpoint < window.toMillis(); j++) {
                fed += chunks.get(j).durationMillis();
                after.accept(chunks.get(j), trace.heard()[j]);
                if (after.speechHeard()) {
                    resumedAt = j;
                    break;
                }
            }
            if (resumedAt < 0) {
                return new Semantic(trace, first, endpoint, falseStarts, early);
            }
            falseStarts++;
            endpointer = after;
            i = resumedAt;
        }
        return new Semantic(trace, first, -1, falseStarts, early);
    }

    /**
     * The decoder's text after the chunk that ended at {@code endpointMillis}; at the clip's end when it never ended
     * by silence (-1); empty before the first chunk, or for a clip with no chunks at all.
     */
    static String heardAt(String[] heard, long endpointMillis) {
        int chunk = endpointMillis < 0 ? heard.length - 1 : (int) (endpointMillis / Transcriber.CHUNK_MILLIS) - 1;
        return chunk < 0 || chunk >= heard.length ? "" : heard[chunk];
    }

    private static double[] semanticWaits(List<Semantic> outcomes) {
        return outcomes.stream().filter(o -> o.lastEndpoint() >= 0 && !o.cutOff())
                .mapToDouble(Semantic::waitMillis).toArray();
    }

    private static double[] waits(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.endpointMillis() >= 0 && !o.cutOff())
                .mapToDouble(Outcome::waitMillis).toArray();
    }

    /** The development half: the first byte of the name's SHA-256 is even. */
    static boolean dev(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 1) == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
