package kiosk.speech;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vosk.Recognizer;

/**
 * One Vosk recognizer: free or restricted to a grammar. Vosk may close segments on its own at pauses; the segments
 * of one utterance are joined, so a shopper who pauses mid-question is still heard as one question.
 */
final class VoskRecognizer implements StreamingRecognizer {

    static final String UNKNOWN = "[unk]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recognizer recognizer;
    private final Transcript.Source source;
    private final Endpointer endpointer;
    private final List<Word> words = new ArrayList<>();
    private String lastPartial = "";
    private boolean finished;
    private boolean closed;

    private VoskRecognizer(Recognizer recognizer, Transcript.Source source, Duration endpointSilence) {
        this.recognizer = recognizer;
        this.source = source;
        this.endpointer = new Endpointer(endpointSilence);
        recognizer.setWords(true);
        recognizer.setPartialWords(false);
    }

    static VoskRecognizer free(SpeechModel model, Duration endpointSilence) {
        try {
            return new VoskRecognizer(new Recognizer(model.vosk(), AudioFormat.SPEECH.sampleRate()),
                    Transcript.Source.FREE, endpointSilence);
        } catch (IOException e) {
            throw new SpeechException("Vosk could not create a recognizer for " + model.folder() + ".", e);
        }
    }

    static VoskRecognizer grammar(SpeechModel model, List<String> phrases, Duration endpointSilence) {
        List<String> grammar = new ArrayList<>(phrases);
        grammar.add(UNKNOWN);
        try {
            String json = JSON.writeValueAsString(grammar);
            return new VoskRecognizer(new Recognizer(model.vosk(), AudioFormat.SPEECH.sampleRate(), json),
                    Transcript.Source.GRAMMAR, endpointSilence);
        } catch (IOException e) {
            throw new SpeechException("Vosk could not create a grammar recognizer for " + model.folder() + ".", e);
        }
    }

    @Override
    public RecognitionEvent accept(AudioChunk chunk) {
        checkUsable();
        if (!chunk.format().equals(AudioFormat.SPEECH)) {
            throw new IllegalArgumentException("recognizers take " + AudioFormat.SPEECH + " audio, not " + chunk.format());
        }
        if (recognizer.acceptWaveForm(chunk.pcm(), chunk.pcm().length)) {
            words.addAll(parseWords(recognizer.getResult()));
            lastPartial = "";
        } else {
            lastPartial = field(recognizer.getPartialResult(), "partial");
        }
        if (endpointer.accept(chunk) && !heardText().isBlank()) {
            return new RecognitionEvent.Endpoint(finish());
        }
        String partial = heardText();
        return partial.isBlank() ? new RecognitionEvent.Nothing() : new RecognitionEvent.Partial(partial);
    }

    @Override
    public Transcript finish() {
        return withoutUnknown(finishWithUnknown());
    }

    /** The final transcript with "[unk]" words kept, so the biased recognizer can see how much was out of grammar. */
    Transcript finishWithUnknown() {
        checkUsable();
        finished = true;
        words.addAll(parseWords(recognizer.getFinalResult()));
        String text = String.join(" ", words.stream().map(Word::text).toList());
        double confidence = words.stream().mapToDouble(Word::confidence).average().orElse(0);
        return new Transcript(text, words, confidence, source);
    }

    static Transcript withoutUnknown(Transcript transcript) {
        List<Word> known = transcript.words().stream().filter(w -> !UNKNOWN.equals(w.text())).toList();
        String text = String.join(" ", known.stream().map(Word::text).toList());
        double confidence = known.stream().mapToDouble(Word::confidence).average().orElse(0);
        return new Transcript(text, known, confidence, transcript.source());
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
            throw new IllegalStateException("this utterance is finished; open a new recognizer for the next one");
        }
    }

    private static List<Word> parseWords(String json) {
        JsonNode result = tree(json).path("result");
        List<Word> parsed = new ArrayList<>();
        for (JsonNode word : result) {
            parsed.add(new Word(word.path("word").asText(), word.path("start").asDouble(), word.path("end").asDouble(),
                    word.path("conf").asDouble()));
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
