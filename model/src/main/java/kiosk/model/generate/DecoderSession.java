package kiosk.model.generate;

/**
 * A causal language model with a key/value cache, one step at a time: {@link #prefill(long[])} reads the prompt and
 * returns the next-token logits; {@link #next(long)} appends one token and returns the following logits. The
 * decoding loop ({@link Generator}) is written against this interface, so it is tested on a tiny real model and on
 * scripted logits alike.
 */
public interface DecoderSession extends AutoCloseable {

    /** Forgets the cache, reads the tokens, returns the logits for the token after the last one. */
    float[] prefill(long[] tokens);

    /** Appends one token to the cache and returns the logits for the token after it. */
    float[] next(long token);

    /** Tokens in the cache. */
    int length();

    @Override
    void close();
}
