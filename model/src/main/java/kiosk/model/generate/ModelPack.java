package kiosk.model.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A generative model pack: a folder with {@code pack.yaml}, an ONNX decoder with its key/value cache (and its external
 * weights beside it, if any) and the matching {@code tokenizer.json}. The values are those of {@code pack.yaml},
 * validated by {@link PackLoader}; the paths are absolute. See {@code model/PACKS.md} for the file format.
 *
 * @param decoderData the decoder's external weights when they sit beside it ({@code model.onnx.data}), for the
 *                    record; ONNX Runtime finds them by the name stored inside the model
 * @param weights     what the weights are stored as, for the record and the benchmarks; the cache type is read from
 *                    the model itself by {@link OnnxDecoder}
 * @param sampling    the default sampling rule; {@code seed} seeds it
 */
public record ModelPack(String name, String version, String licence, Path folder, Path decoder,
                        Optional<Path> decoderData, Path tokenizer, ChatTemplate template, SpecialTokens specialTokens,
                        int contextLength, WeightType weights, KvNames kvNames, Sampling sampling, long seed,
                        int maxNewTokens, Duration timeBudget) {

    /** What the decoder's weights are stored as. */
    public enum WeightType {
        FLOAT32, FLOAT16, INT8, INT4;

        /** The spelling in {@code pack.yaml}: {@code float32}, {@code float16}, {@code int8}, {@code int4}. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A special token, named by its text ({@code <|im_end|>}) or by its id ({@code 151645}): exactly one of the two.
     * Text is easier to check against the model card; an id is needed when the text is not one token.
     */
    public record TokenRef(String text, long id) {
        public TokenRef {
            if ((text == null) == (id < 0)) {
                throw new IllegalArgumentException("a token is named by its text or by its id, not " + text + "/" + id);
            }
        }

        public static TokenRef ofText(String text) {
            return new TokenRef(Objects.requireNonNull(text), -1);
        }

        public static TokenRef ofId(long id) {
            if (id < 0) {
                throw new IllegalArgumentException("a token id is not negative, not " + id);
            }
            return new TokenRef(null, id);
        }

        /** The id; a text is encoded and must be exactly one token, else it cannot be matched by id. */
        public Optional<Long> resolve(TokenText tokens) {
            if (text == null) {
                return Optional.of(id);
            }
            long[] ids = tokens.encode(text);
            return ids.length == 1 ? Optional.of(ids[0]) : Optional.empty();
        }

        @Override
        public String toString() {
            return text == null ? Long.toString(id) : "'" + text + "'";
        }
    }

    /**
     * The pack's own special tokens: a beginning-of-sequence token put before every prompt (when the model wants
     * one), end-of-sequence tokens and extra stop strings (added to the chat template's).
     */
    public record SpecialTokens(Optional<TokenRef> bos, List<TokenRef> eos, List<String> stopStrings) {
        public static final SpecialTokens NONE = new SpecialTokens(Optional.empty(), List.of(), List.of());

        public SpecialTokens {
            eos = List.copyOf(eos);
            stopStrings = List.copyOf(stopStrings);
        }
    }

    /**
     * The names of the cache inputs and outputs, with {@code %d} for the layer. The defaults are the usual Hugging
     * Face / Optimum export names, which {@link OnnxDecoder} looks for.
     */
    public record KvNames(String pastKey, String pastValue, String presentKey, String presentValue) {
        public static final KvNames DEFAULT = new KvNames("past_key_values.%d.key", "past_key_values.%d.value",
                "present.%d.key", "present.%d.value");
    }

    public ModelPack {
        Objects.requireNonNull(decoderData, "decoderData");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(specialTokens, "specialTokens");
        Objects.requireNonNull(kvNames, "kvNames");
        Objects.requireNonNull(sampling, "sampling");
    }

    /** Reads and validates {@code folder/pack.yaml}; see {@link PackLoader#load(Path)}. */
    public static ModelPack load(Path folder) {
        return PackLoader.load(folder);
    }

    /** The pack's {@code pack.yaml}, which every {@link PackException} about the pack names. */
    public Path file() {
        return folder.resolve(PackLoader.FILE);
    }

    /** Loads the decoder with the pack's cache names. */
    public OnnxDecoder openDecoder(int threads) {
        return OnnxDecoder.load(decoder, threads, new OnnxDecoder.CacheNames(kvNames.pastKey(), kvNames.pastValue(),
                kvNames.presentKey(), kvNames.presentValue()));
    }

    /** Loads the tokenizer. */
    public HuggingFaceTokenText openTokenizer() {
        return new HuggingFaceTokenText(tokenizer);
    }

    /**
     * The pack's defaults as generation options, with the stop strings of the template and of the pack.
     *
     * <p>Every end-of-sequence token and every stop string that is a single token of the tokenizer also becomes an
     * end token: the decoded text skips special tokens, so a stop string such as {@code <|im_end|>} never appears in
     * it and only its id can stop generation.
     *
     * @throws PackException when an end-of-sequence token given as text is not one token of the tokenizer
     */
    public GenerationOptions generationOptions(TokenText tokens) {
        Set<Long> ends = new LinkedHashSet<>();
        for (TokenRef eos : specialTokens.eos()) {
            ends.add(eos.resolve(tokens).orElseThrow(() -> notOneToken("end-of-sequence", eos, tokens)));
        }
        List<String> stops = stopStrings();
        for (String stop : stops) {
            TokenRef.ofText(stop).resolve(tokens).ifPresent(ends::add);
        }
        return new GenerationOptions(maxNewTokens, timeBudget, ends, stops, sampling, seed);
    }

    /** The chat template's stop strings followed by the pack's own, without repeats. */
    public List<String> stopStrings() {
        Set<String> stops = new LinkedHashSet<>(template.stopStrings());
        stops.addAll(specialTokens.stopStrings());
        return List.copyOf(stops);
    }

    /**
     * The prompt as token ids: the conversation rendered by the template, encoded, with the beginning-of-sequence
     * token in front when the pack names one and the template did not already write it.
     *
     * @throws PackException            when the beginning-of-sequence token given as text is not one token
     * @throws IllegalArgumentException when the prompt and {@code max_new_tokens} do not fit in the context; the
     *                                  caller shortens the conversation
     */
    public long[] promptTokens(TokenText tokens, List<ChatTemplate.Message> messages) {
        long[] ids = tokens.encode(template.render(messages));
        if (specialTokens.bos().isPresent()) {
            TokenRef bos = specialTokens.bos().get();
            long bosId = bos.resolve(tokens).orElseThrow(() -> notOneToken("beginning-of-sequence", bos, tokens));
            if (ids.length == 0 || ids[0] != bosId) {
                long[] withBos = new long[ids.length + 1];
                withBos[0] = bosId;
                System.arraycopy(ids, 0, withBos, 1, ids.length);
                ids = withBos;
            }
        }
        if (ids.length + maxNewTokens > contextLength) {
            throw new IllegalArgumentException("the prompt has " + ids.length + " tokens; with max_new_tokens "
                    + maxNewTokens + " it does not fit the context of " + contextLength + " tokens of pack " + name);
        }
        return ids;
    }

    private PackException notOneToken(String what, TokenRef token, TokenText tokens) {
        List<Long> ids = new ArrayList<>();
        for (long id : tokens.encode(token.text())) {
            ids.add(id);
        }
        return new PackException(file(), 0, "the " + what + " token " + token + " is not one token of " + tokenizer
                + " (it encodes to " + ids + "); give its id instead");
    }
}
