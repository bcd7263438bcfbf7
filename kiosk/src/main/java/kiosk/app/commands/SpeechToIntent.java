package kiosk.app.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kiosk.speech.Audio;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechModel;
import kiosk.speech.Transcriber;
import kiosk.speech.Transcript;

/**
 * From audio to intent and slots: recognition restricted to the contexts' commands (Vosk grammar mode, which hears
 * "light roast" where free recognition hears "light rose"), asked for its ten best readings, then the
 * {@link CommandParser} picks the reading that fits a command best. Loads nothing itself: the speech model is shared;
 * one recognizer per utterance.
 */
public final class SpeechToIntent {

    /** Readings parsed per utterance; 5, 10 and 20 scored the same on the development recordings. */
    static final int ALTERNATIVES = 10;

    /**
     * The share of the grammar standing for speech that is no command. With a single "[unk]" among the thousands of
     * command sentences, 8 of 132 spoken store questions were taken for coffee orders; at 0.2 none were, and the
     * orders in noise were heard as well as before (from 0.05 to 0.35 the figures did not move).
     */
    static final double OUT_OF_GRAMMAR = 0.2;

    private final Transcriber transcriber;
    private final CommandParser parser;
    private final RecognizerOptions recognition;

    public SpeechToIntent(SpeechModel model, List<CommandContext> contexts) {
        this.transcriber = new Transcriber(model);
        this.parser = new CommandParser(contexts);
        this.recognition = recognition(contexts);
    }

    /**
     * How commands are recognized: a grammar of sentences drawn from the contexts' expressions (see
     * {@link GrammarSentences}), ten readings, room for speech that is no command.
     */
    public static RecognizerOptions recognition(List<CommandContext> contexts) {
        List<String> sentences = new ArrayList<>();
        contexts.forEach(context -> sentences.addAll(context.grammarSentences()));
        return RecognizerOptions.grammar(sentences).withAlternatives(ALTERNATIVES).withOutOfGrammar(OUT_OF_GRAMMAR);
    }

    public Inference infer(Audio utterance) {
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Transcriber.Result heard = transcriber.stream(utterance, recognition);
        long finalText = System.nanoTime();
        timings.put("stt", millis(start, heard.lastChunkNanos()));
        timings.put("stt_final", millis(heard.lastChunkNanos(), finalText));
        CommandResult result = parser.parseReadings(heard.transcript().readings());
        timings.put("understand", millis(finalText, System.nanoTime()));
        timings.put("total", millis(start, System.nanoTime()));
        return new Inference(heard.transcript(), result, timings);
    }

    private static double millis(long from, long to) {
        return Math.round((to - from) / 100_000.0) / 10.0;
    }

    /** What was heard, what it means, and how long each stage took (ms). */
    public record Inference(Transcript transcript, CommandResult result, Map<String, Double> timingsMs) {
    }
}
