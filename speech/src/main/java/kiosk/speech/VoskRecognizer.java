package kiosk.speech;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tinylog.Logger;
import org.vosk.Recognizer;

/**
 * One Vosk recognizer: free or restricted to a grammar. Vosk may close segments on its own at pauses; the segments
 * of one utterance are joined, so a shopper who pauses mid-question is still heard as one question.
 *
 * <p>Reusable: {@link #reset} readies it for the next utterance with the same native decoder and decoding graph.
 * Every utterance ends with Vosk's final result (an abandoned one too), after which Vosk starts the next from a fresh
 * feature pipeline, so a reused recognizer hears exactly what a new one would; only its clock keeps running, which
 * the word times here take out.
 *
 * <p>A free recognizer is rebuilt now and then: Vosk composes its decoding graph (the model's HCLr and Gr) on the fly
 * and caches every state it composed inside the native recognizer, for good (the cache options are fixed inside
 * Kaldi, not reachable from here). The cache saves much CPU on the next utterances, but it grows with every new
 * word sequence heard: ~0.4–0.8 MB an utterance over 200 different recordings, not levelling off. So after
 * {@link #UTTERANCES_PER_GRAPH_CACHE} utterances the native recognizer is freed and built again, between utterances
 * (150–450 ms, on the recognizer pool's thread; its next utterances compose their states again, ~0.5 s of CPU spread
 * over them). A grammar recognizer is never rebuilt: its graph is the store's small grammar, and rebuilding it would
 * compile the grammar again.
 *
 * <p>Tried and not taken: rebuilding it when malloc's bytes in use ({@code mallinfo2}) grew by 64 MB. That count
 * swings with whatever else the process allocates at the moment (the JIT compiler's arenas among them): over 200
 * recordings it rebuilt every 10 utterances and cost ~40 % more CPU. Rebuilding after every utterance doubles the
 * CPU of a turn; after 25 or 50 of 200 recordings, peak memory was 308 and 322 MB against 375 MB, at no CPU cost
 * that load on this machine let us see for 50.
 */
final class VoskRecognizer implements ReusableRecognizer {

    static final String UNKNOWN = "[unk]";
    private static final RecognitionEvent NOTHING = new RecognitionEvent.Nothing();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Utterances a free recognizer decodes before it is rebuilt: its cache of ~45 MB for the usual questions is
     * composed in the first five or so, so it stays warm for most turns, and the different questions of a day can
     * add ~20–30 MB to it at most.
     */
    static final int UTTERANCES_PER_GRAPH_CACHE = 40;

    /** Makes the native recognizer: again when a free one is rebuilt. */
    private final java.util.function.Supplier<Recognizer> factory;
    private Recognizer recognizer;
    /** {@link #UTTERANCES_PER_GRAPH_CACHE}, or another for tests; a grammar recognizer: never rebuilt. */
    private final int rebuildAfter;
    private int utterancesDecoded;
    private int rebuilds;
    private final Transcript.Source source;
    private final Endpointer endpointer;
    private final List<Word> words = new ArrayList<>();
    private String lastPartial = "";
    private boolean finished;
    private boolean closed;
    private final int alternatives;
    /** Whether accept asks Vosk for the growing partial text (a lattice search per chunk) or only feeds audio. */
    private final boolean partials;
    /** Samples Vosk was given before this utterance: its word times count from its creation. */
    private long samplesBefore;
    private long samplesThisUtterance;
    /** The n-best readings of the segments decoded so far, combined (text and summed decoder score), best first. */
    private List<Reading> readings = List.of(new Reading("", 0, 0));

    private VoskRecognizer(java.util.function.Supplier<Recognizer> factory, int rebuildAfter,
                           Transcript.Source source, EndOfSpeech endOfSpeech, int alternatives, boolean partials) {
        this.factory = factory;
        this.recognizer = factory.get();
        this.rebuildAfter = rebuildAfter;
        this.source = source;
        this.endpointer = new Endpointer(endOfSpeech);
        this.alternatives = alternatives;
        this.partials = partials;
        configure();
    }

    private void configure() {
        recognizer.setWords(true);
        recognizer.setPartialWords(false);
        if (alternatives > 1) {
            recognizer.setMaxAlternatives(alternatives);
        }
    }

    static VoskRecognizer free(SpeechModel model, EndOfSpeech endOfSpeech) {
        return free(model, endOfSpeech, UTTERANCES_PER_GRAPH_CACHE);
    }

    /** A free recognizer rebuilt after every {@code rebuildAfter} utterances (tests: 1). */
    static VoskRecognizer free(SpeechModel model, EndOfSpeech endOfSpeech, int rebuildAfter) {
        return new VoskRecognizer(() -> {
            try {
                return new Recognizer(model.vosk(), AudioFormat.SPEECH.sampleRate());
            } catch (IOException e) {
                throw new SpeechException("Vosk could not create a recognizer for " + model.folder() + ".", e);
            }
        }, rebuildAfter, Transcript.Source.FREE, endOfSpeech, 1, true);
    }

    /** A recognizer restricted to a grammar made by {@link #grammarJson}. */
    static VoskRecognizer grammar(SpeechModel model, String grammarJson, EndOfSpeech endOfSpeech, int alternatives) {
        return grammar(model, grammarJson, endOfSpeech, alternatives, true);
    }

    /**
     * As {@link #grammar(SpeechModel, String, EndOfSpeech, int)}; without {@code partials} its {@link #accept} only
     * decodes and reports {@link RecognitionEvent.Nothing}, for a decoder whose partial text nobody shows.
     */
    static VoskRecognizer grammar(SpeechModel model, String grammarJson, EndOfSpeech endOfSpeech, int alternatives,
                                  boolean partials) {
        return new VoskRecognizer(() -> new Recognizer(model.vosk(), AudioFormat.SPEECH.sampleRate(), grammarJson),
                Integer.MAX_VALUE, Transcript.Source.GRAMMAR, endOfSpeech, alternatives, partials);
    }

    /**
     * The grammar Vosk takes, as JSON. Vosk estimates a bigram language model from the phrases (each phrase a
     * sentence), and "[unk]" stands for any speech outside them: {@code outOfGrammar} of the sentences are runs of one
     * to three "[unk]", so that such speech has somewhere to go other than the nearest phrase.
     */
    static String grammarJson(List<String> phrases, double outOfGrammar) {
        List<String> grammar = new ArrayList<>(phrases);
        long unknown = Math.max(1, Math.round(phrases.size() * outOfGrammar / (1 - outOfGrammar)));
        for (int i = 0; i < unknown; i++) {
            grammar.add(String.join(" ", Collections.nCopies(1 + i % 3, UNKNOWN)));
        }
        try {
            return JSON.writeValueAsString(grammar);
        } catch (IOException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    @Override
    public RecognitionEvent accept(AudioChunk chunk) {
        checkUsable();
        checkFormat(chunk);
        samplesThisUtterance += chunk.pcm().length / AudioFormat.SPEECH.bytesPerFrame();
        if (recognizer.acceptWaveForm(chunk.pcm(), chunk.pcm().length)) {
            words.addAll(segment(recognizer.getResult()));
            lastPartial = "";
        } else if (partials) {
            lastPartial = field(recognizer.getPartialResult(), "partial");
        } else {
            return NOTHING;
        }
        String heard = heardText();
        if (endpointer.accept(chunk, heard)) {
            return new RecognitionEvent.Endpoint(finish(), endpointer.endedEarly(),
                    endpointer.noiseFloor());
        }
        return heard.isBlank() ? NOTHING : new RecognitionEvent.Partial(heard);
    }

    /** Recognizers take {@link AudioFormat#SPEECH} only; anything else is refused before a decoder sees it. */
    static void checkFormat(AudioChunk chunk) {
        if (!chunk.format().equals(AudioFormat.SPEECH)) {
            throw new IllegalArgumentException("recognizers take " + AudioFormat.SPEECH + " audio, not "
                    + chunk.format());
        }
    }

    @Override
    public Transcript finish() {
        return withoutUnknown(finishWithUnknown());
    }

    /** The final transcript with "[unk]" words kept, so the biased recognizer can see how much was out of grammar. */
    Transcript finishWithUnknown() {
        checkUsable();
        finished = true;
        words.addAll(segment(recognizer.getFinalResult()));
        String text = String.join(" ", words.stream().map(Word::text).toList());
        double confidence = words.stream().mapToDouble(Word::confidence).average().orElse(0);
        return new Transcript(text, words, confidence, source, alternatives > 1 ? readings : List.of());
    }

    static Transcript withoutUnknown(Transcript transcript) {
        List<Word> known = transcript.words().stream().filter(w -> !UNKNOWN.equals(w.text())).toList();
        String text = String.join(" ", known.stream().map(Word::text).toList());
        double confidence = known.stream().mapToDouble(Word::confidence).average().orElse(0);
        if (transcript.readings().size() <= 1) {
            int unheard = transcript.words().size() - known.size();
            return new Transcript(text, known, confidence, transcript.source(),
                    List.of(new Reading(text, transcript.readings().get(0).score(), unheard)));
        }
        // readings that differ only where "[unk]" stood become one, as likely as both together
        Map<String, Reading> merged = new LinkedHashMap<>();
        for (Reading reading : transcript.readings()) {
            String words = reading.text().replace(UNKNOWN, " ").replaceAll("\\s+", " ").strip();
            int unheard = (int) Arrays.stream(reading.text().split(" ")).filter(UNKNOWN::equals).count();
            merged.merge(words, new Reading(words, reading.score(), unheard), (a, b) ->
                    new Reading(words, logSumExp(a.score(), b.score()), a.unheard()));
        }
        List<Reading> readings = List.copyOf(merged.values());
        return new Transcript(text, known, confidence, transcript.source(), readings);
    }

    private static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    @Override
    public void reset(EndOfSpeech endOfSpeech) {
        if (closed) {
            throw new IllegalStateException("this recognizer is closed");
        }
        if (!finished) {
            recognizer.getFinalResult(); // an abandoned utterance: ended as a finished one is (see the class comment)
        }
        recognizer.reset(); // drops the last result Vosk keeps; the next audio starts a new feature pipeline
        samplesBefore += samplesThisUtterance;
        if (samplesThisUtterance > 0 && ++utterancesDecoded >= rebuildAfter) {
            rebuild();
        }
        samplesThisUtterance = 0;
        words.clear();
        lastPartial = "";
        readings = List.of(new Reading("", 0, 0));
        endpointer.restart(endOfSpeech);
        finished = false;
    }

    /**
     * Drops a free recognizer's graph cache now, between utterances (the pool does it once the kiosk has been idle,
     * see {@link RecognizerPool}): rebuilt as after {@link #UTTERANCES_PER_GRAPH_CACHE} utterances, if it decoded
     * any since it was built. A grammar recognizer keeps its graph (rebuilding it would compile its grammar again).
     *
     * @return whether it was rebuilt
     */
    @Override
    public boolean dropGraphCache() {
        if (closed) {
            throw new IllegalStateException("this recognizer is closed");
        }
        if (rebuildAfter == Integer.MAX_VALUE || utterancesDecoded == 0) {
            return false;
        }
        rebuild();
        return true;
    }

    /** A new native recognizer in place of this one, its graph cache empty; its clock starts at zero again. */
    private void rebuild() {
        long start = System.nanoTime();
        Recognizer fresh = factory.get(); // first: should it fail, the old one is kept (and closed by close())
        recognizer.close();
        Logger.debug("free recognizer rebuilt after {} utterances in {} µs", utterancesDecoded,
                (System.nanoTime() - start) / 1000);
        recognizer = fresh;
        configure();
        samplesBefore = 0;
        samplesThisUtterance = 0;
        utterancesDecoded = 0;
        rebuilds++;
    }

    /** How many times the native recognizer was rebuilt, for tests. */
    int rebuilds() {
        return rebuilds;
    }

    /** Frees the native recognizer; safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recognizer.close();
        }
    }

    private String heardText() {
        String done = String.join(" ", words.stream().map(Word::text).filter(w -> !UNKNOWN.equals(w)).toList());
        String partial = lastPartial.replace(UNKNOWN, "").strip();
        return (done + " " + partial).strip();
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("this recognizer is closed");
        }
        if (finished) {
            throw new IllegalStateException("this utterance is finished; close this recognizer and open one for the "
                    + "next utterance");
        }
    }

    /**
     * The words of a closed segment (the best reading's). With alternatives, Vosk gives no word confidences but a
     * score per reading: each word gets the best reading's share of the readings' probability mass, and the
     * segment's readings are combined with those of the segments before it, keeping the best {@code alternatives}.
     */
    private List<Word> segment(String json) {
        JsonNode tree = tree(json);
        if (!tree.has("alternatives")) {
            return parseWords(tree.path("result"), Optional.empty(), startSeconds());
        }
        JsonNode list = tree.path("alternatives");
        if (list.isEmpty()) {
            return List.of();
        }
        List<Reading> segment = new ArrayList<>();
        list.forEach(reading -> segment.add(new Reading(reading.path("text").asText(""),
                reading.path("confidence").asDouble(), 0)));
        double top = segment.get(0).score();
        double mass = segment.stream().mapToDouble(reading -> Math.exp(reading.score() - top)).sum();
        List<Reading> combined = new ArrayList<>();
        for (Reading before : readings) {
            for (Reading next : segment) {
                combined.add(before.then(next));
            }
        }
        combined.sort(java.util.Comparator.comparingDouble(Reading::score).reversed());
        Map<String, Reading> best = new LinkedHashMap<>(); // two segmentations can read the same: keep the better
        combined.forEach(reading -> best.putIfAbsent(reading.text(), reading));
        readings = best.values().stream().limit(alternatives).toList();
        return parseWords(list.get(0).path("result"), Optional.of(1 / mass), startSeconds());
    }

    /** Where this utterance began on Vosk's clock. */
    private double startSeconds() {
        return samplesBefore / (double) AudioFormat.SPEECH.sampleRate();
    }

    private static List<Word> parseWords(JsonNode result, Optional<Double> confidence, double startSeconds) {
        List<Word> parsed = new ArrayList<>();
        for (JsonNode word : result) {
            parsed.add(new Word(word.path("word").asText(), word.path("start").asDouble() - startSeconds,
                    word.path("end").asDouble() - startSeconds,
                    confidence.orElseGet(() -> word.path("conf").asDouble())));
        }
        return parsed;
    }

    private static String field(String json, String name) {
        return tree(json).path(name).asText("");
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SpeechException("Vosk returned a result that is not JSON: " + json, e);
        }
    }
}
