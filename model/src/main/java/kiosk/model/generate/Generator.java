package kiosk.model.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The decoding loop: prefill, then one token at a time until an end token, a stop string, the token budget, the
 * time budget, or cancellation (checked before every step, so a barge-in stops it within one token). Each new piece
 * of text is handed to the listener as soon as it is decoded, for sentence-by-sentence speech.
 */
public final class Generator {

    private final DecoderSession decoder;
    private final TokenText text;

    public Generator(DecoderSession decoder, TokenText text) {
        this.decoder = decoder;
        this.text = text;
    }

    public Generation generate(long[] prompt, GenerationOptions options, Consumer<String> pieces,
                               BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long deadline = start + options.timeBudget().toNanos();
        Random random = new Random(options.seed());
        List<Long> tokens = new ArrayList<>();
        String produced = "";
        double firstTokenMillis = 0;
        Generation.Stop stop = Generation.Stop.TOKEN_BUDGET;
        float[] logits = decoder.prefill(prompt);
        while (tokens.size() < options.maxTokens()) {
            if (cancelled.getAsBoolean()) {
                stop = Generation.Stop.CANCELLED;
                break;
            }
            long token = options.sampling().pick(logits, tokens, random);
            if (tokens.isEmpty()) {
                firstTokenMillis = (System.nanoTime() - start) / 1e6;
            }
            if (options.endTokens().contains(token)) {
                stop = Generation.Stop.END_TOKEN;
                break;
            }
            tokens.add(token);
            String decoded = text.decode(tokens.stream().mapToLong(Long::longValue).toArray());
            String piece = decoded.startsWith(produced) ? decoded.substring(produced.length()) : "";
            produced = decoded;
            int stopAt = firstStop(produced, options.stopStrings());
            if (stopAt >= 0) {
                produced = produced.substring(0, stopAt);
                stop = Generation.Stop.STOP_STRING;
                break;
            }
            if (!piece.isEmpty()) {
                pieces.accept(piece);
            }
            if (System.nanoTime() > deadline) {
                stop = Generation.Stop.TIME_BUDGET;
                break;
            }
            if (tokens.size() < options.maxTokens()) {
                logits = decoder.next(token);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Generation(tokens, produced, stop, firstTokenMillis, tokens.size() / Math.max(seconds, 1e-9));
    }

    private static int firstStop(String produced, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = produced.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
