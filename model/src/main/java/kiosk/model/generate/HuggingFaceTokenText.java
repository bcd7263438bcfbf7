package kiosk.model.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import kiosk.model.DjlTelemetry;
import kiosk.model.ModelException;

/** A model pack's {@code tokenizer.json}, through the same DJL tokenizer library as the encoder. */
public final class HuggingFaceTokenText implements TokenText, AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    public HuggingFaceTokenText(Path tokenizerJson) {
        DjlTelemetry.optOut();
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false"));
        } catch (IOException | RuntimeException e) {
            throw new ModelException("the tokenizer " + tokenizerJson + " cannot be loaded (" + e.getMessage()
                    + "); expected a Hugging Face tokenizer.json.", e);
        }
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text).getIds();
    }

    @Override
    public String decode(long[] tokens) {
        return tokenizer.decode(tokens, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
