package kiosk.model.generate;

/** Turns tokens back into text (and prompts into tokens): the model's own tokenizer. */
public interface TokenText {

    long[] encode(String text);

    String decode(long[] tokens);
}
