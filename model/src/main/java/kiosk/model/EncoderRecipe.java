package kiosk.model;

import java.util.Map;

/**
 * How a sentence-encoder model must be used, as its authors trained it: how token vectors become a sentence vector,
 * and the text put before a question (a query) and before what is searched (a passage). Wrong prefixes or pooling do
 * not fail, they only make the vectors worse, so they belong to the model and not to each caller.
 *
 * @param name          the model, for logs and status
 * @param pooling       how token vectors become the sentence vector
 * @param queryPrefix   put before a shopper's question
 * @param passagePrefix put before what the question is compared with (a product's document, a FAQ phrasing)
 * @param nearest       where this model puts a question's nearest product: its cosines are mapped onto MiniLM's
 */
public record EncoderRecipe(String name, Pooling pooling, String queryPrefix, String passagePrefix,
                            CosineSpread nearest) {

    /**
     * The mean and spread of the cosine between a question and its nearest product, measured on the demo store's own
     * question set (132 questions, 270 products; not the evaluation sets). Models differ in where their cosines lie
     * (MiniLM's nearest product averages 0.45, e5's 0.84 with a sixth of the spread), and the kiosk's thresholds were
     * set on MiniLM's; {@link #onReferenceScale} maps another model's cosine onto that scale by matching the two.
     */
    public record CosineSpread(double mean, double spread) {
    }

    /** all-MiniLM-L6-v2 (sentence-transformers): mean pooling, the same text either side. The reference scale. */
    public static final EncoderRecipe MINILM = new EncoderRecipe("all-MiniLM-L6-v2", Pooling.MEAN, "", "",
            new CosineSpread(0.4516, 0.1895));
    /** bge-small-en-v1.5: the [CLS] vector, and an instruction before a short query (none before passages). */
    public static final EncoderRecipe BGE_SMALL = new EncoderRecipe("bge-small-en-v1.5", Pooling.CLS,
            "Represent this sentence for searching relevant passages: ", "", new CosineSpread(0.6703, 0.0986));
    /** e5-small-v2: mean pooling, "query: " and "passage: " as it was trained. */
    public static final EncoderRecipe E5_SMALL = new EncoderRecipe("e5-small-v2", Pooling.MEAN, "query: ",
            "passage: ", new CosineSpread(0.8445, 0.0335));

    /** The models the kiosk knows, by the name of their ONNX file as the build unpacks it. */
    private static final Map<String, EncoderRecipe> BY_FILE = Map.of(
            "all-minilm-l6-v2-q.onnx", MINILM,
            "bge-small-en-v1.5-q.onnx", BGE_SMALL,
            "e5-small-v2-q.onnx", E5_SMALL);

    /**
     * The recipe of a model file; a file the kiosk does not know is taken as a sentence-transformers model (mean
     * pooling, no prefixes), the common case for a small English encoder exported to ONNX.
     */
    public static EncoderRecipe forModelFile(String onnxFileName) {
        return BY_FILE.getOrDefault(onnxFileName,
                new EncoderRecipe(onnxFileName, Pooling.MEAN, "", "", MINILM.nearest()));
    }

    /** A cosine of this model, moved to where MiniLM would put a match as near as this one. */
    public double onReferenceScale(double cosine) {
        CosineSpread reference = MINILM.nearest();
        return reference.mean() + (cosine - nearest.mean()) * reference.spread() / nearest.spread();
    }
}
