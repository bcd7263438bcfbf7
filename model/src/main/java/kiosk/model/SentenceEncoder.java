package kiosk.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.tinylog.Logger;

/**
 * A sentence encoder (a small quantized BERT-style model in ONNX: all-MiniLM-L6-v2, bge-small-en-v1.5 or e5-small-v2):
 * text in, a unit-length 384-dimensional vector out, so that the dot product of two vectors is their cosine
 * similarity. A question ({@link #encode}) and what it is searched against ({@link #encodeAll}) get the prefixes and
 * pooling of the model's {@link EncoderRecipe}. Thread-safe; load it once.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** Questions whose vectors {@link #encode} keeps: a few turns' worth (1.5 KB each). */
    static final int RECENT_QUERIES = 32;

    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final EncoderRecipe recipe;
    private final int dimension;
    private final Optional<VectorCache> vectorCache;
    /** The last questions encoded, least recently used first (see {@link #encode}). */
    private final Map<String, float[]> recentQueries = new LinkedHashMap<>(RECENT_QUERIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT_QUERIES;
        }
    };
    private volatile boolean closed;

    private SentenceEncoder(OnnxModel model, HuggingFaceTokenizer tokenizer, EncoderRecipe recipe,
            Optional<VectorCache> vectorCache) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.recipe = recipe;
        this.vectorCache = vectorCache;
        this.dimension = encodeBatch(List.of("dimension probe"))[0].length;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int dimension() {
        return dimension;
    }

    /** How the model is used: its pooling and prefixes. */
    public EncoderRecipe recipe() {
        return recipe;
    }

    /**
     * Encodes a question (a query): what is compared with the passages of {@link #encodeAll}. The vectors of the last
     * {@value #RECENT_QUERIES} questions are kept: one turn asks for its question's vector more than once (its
     * products and its FAQ entries are searched apart, and the semantic end of turn understands the final words
     * before the turn does), and an encoding is most of a lookup's time. A kept vector is the same bits the model
     * gave; each caller gets its own copy.
     */
    public float[] encode(String text) {
        if (closed) {
            throw new IllegalStateException("the sentence encoder is closed");
        }
        String query = recipe.queryPrefix() + text;
        float[] vector;
        synchronized (recentQueries) {
            vector = recentQueries.get(query);
        }
        if (vector == null) {
            vector = encodeBatch(List.of(query))[0];
            synchronized (recentQueries) {
                recentQueries.put(query, vector);
            }
        }
        return vector.clone();
    }

    /**
     * Encodes one passage, as {@link #encodeAll} would, without the vector cache: for a product's document encoded
     * when it is first needed (a large catalog's), where a file per vector would cost more than the encoding and
     * push the store's own lists out of the cache.
     */
    public float[] encodePassage(String text) {
        return encodeBatch(List.of(recipe.passagePrefix() + text))[0];
    }

    /**
     * Encodes what questions are searched against (passages: a product's document, a FAQ phrasing), one at a time.
     * The quantized model scales its activations per tensor, so in a padded batch the other sentences shift every
     * sentence's vector (cosine to the single encoding fell to about 0.97 in our test); exact vectors matter more here than the throughput a batch would add. With a vector cache (see
     * {@link Builder#vectorCache}) a list encoded before by the same encoder is read back instead.
     */
    public float[][] encodeAll(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("the sentence encoder is closed");
        }
        return vectorCache.map(cache -> cache.vectors(texts, this::encodeEach)).orElseGet(() -> encodeEach(texts));
    }

    private float[][] encodeEach(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = encodeBatch(List.of(recipe.passagePrefix() + texts.get(i)))[0];
        }
        return vectors;
    }

    private float[][] encodeBatch(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("the sentence encoder is closed");
        }
        if (texts.isEmpty()) {
            return new float[0][];
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int length = 0;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[][] ids = new long[texts.size()][length];
        long[][] mask = new long[texts.size()][length];
        long[][] types = new long[texts.size()][length];
        for (int i = 0; i < encodings.length; i++) {
            long[] encodedIds = encodings[i].getIds();
            System.arraycopy(encodedIds, 0, ids[i], 0, encodedIds.length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask[i], 0, encodedIds.length);
            System.arraycopy(encodings[i].getTypeIds(), 0, types[i], 0, encodedIds.length);
        }
        float[][][] hidden = model.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types),
                "last_hidden_state");
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = recipe.pooling().unitVector(hidden[i], mask[i]);
        }
        return vectors;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                tokenizer.close();
            } finally {
                model.close();
            }
        }
    }

    /** Loads only from a local folder; validates the files and closes a half-opened session if loading fails. */
    public static final class Builder {
        private Path folder;
        private int threads = 2;
        private int maxTokens = 128;
        private Path tokenizerCacheDir;
        private Path vectorCacheDir;

        private Builder() {
        }

        /** The folder with {@code *.onnx} and its {@code *tokenizer.json}. */
        public Builder modelFolder(Path modelFolder) {
            this.folder = modelFolder;
            return this;
        }

        public Builder threads(int intraOpThreads) {
            this.threads = intraOpThreads;
            return this;
        }

        public Builder maxTokens(int tokens) {
            this.maxTokens = tokens;
            return this;
        }

        /** Where the tokenizer's native library is unpacked: the service may write only to its state folder. */
        public Builder tokenizerCacheDir(Path dir) {
            this.tokenizerCacheDir = dir;
            return this;
        }

        /**
         * Where {@link #encodeAll} keeps the vectors of the lists it encodes, so that the next start with the same
         * texts and the same encoder reads them instead (see {@link VectorCache}); none unless given.
         */
        public Builder vectorCache(Path dir) {
            this.vectorCacheDir = dir;
            return this;
        }

        public SentenceEncoder build() {
            if (folder == null) {
                throw new IllegalStateException("modelFolder is required");
            }
            Path onnx = only(folder, ".onnx", "the ONNX encoder model");
            Path tokenizerJson = only(folder, "tokenizer.json", "the tokenizer (tokenizer.json)");
            if (tokenizerCacheDir != null) {
                useCacheDir(tokenizerCacheDir);
            }
            Optional<VectorCache> vectors = Optional.ofNullable(vectorCacheDir)
                    .map(dir -> VectorCache.forEncoder(dir, onnx, tokenizerJson, maxTokens));
            OnnxModel model = OnnxModel.load(onnx, threads);
            DjlTelemetry.optOut();
            try {
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                        .optTokenizerPath(tokenizerJson)
                        .optMaxLength(maxTokens)
                        .optTruncation(true)
                        .optPadding(false)
                        .build();
                EncoderRecipe recipe = EncoderRecipe.forModelFile(onnx.getFileName().toString());
                Logger.debug("sentence encoder {} loaded ({})", onnx, recipe);
                return new SentenceEncoder(model, tokenizer, recipe, vectors);
            } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
                model.close();
                throw new ModelException("the tokenizer " + tokenizerJson + " cannot be loaded (" + e.getMessage()
                        + "); expected a Hugging Face tokenizer.json.", e);
            }
        }

        private static void useCacheDir(Path dir) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ModelException("the tokenizer cache folder " + dir + " cannot be created: " + e.getMessage()
                        + ".", e);
            }
            // DJL reads these on first use to decide where its native tokenizer library goes.
            System.setProperty("DJL_CACHE_DIR", dir.toString());
            System.setProperty("ENGINE_CACHE_DIR", dir.toString());
        }

        private static Path only(Path folder, String suffix, String what) {
            if (!Files.isDirectory(folder)) {
                throw new ModelException("the encoder model folder " + folder + " does not exist; expected a folder "
                        + "with an .onnx model and its tokenizer.json.");
            }
            List<Path> found = new ArrayList<>();
            try (var files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(suffix)).forEach(found::add);
            } catch (IOException e) {
                throw new ModelException("the encoder model folder " + folder + " cannot be read: " + e.getMessage()
                        + ".", e);
            }
            if (found.size() != 1) {
                throw new ModelException("the encoder model folder " + folder + " should hold exactly one file ending "
                        + "in " + suffix + " (" + what + "), found " + found.size() + ".");
            }
            return found.get(0);
        }
    }
}
