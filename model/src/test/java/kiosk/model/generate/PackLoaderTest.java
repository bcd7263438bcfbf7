package kiosk.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kiosk.model.ModelException;
import kiosk.model.generate.ChatTemplate.Message;
import kiosk.model.generate.ModelPack.KvNames;
import kiosk.model.generate.ModelPack.TokenRef;
import kiosk.model.generate.ModelPack.WeightType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLoaderTest {

    static final Path TINY = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data",
            "tiny-random-llama-onnx").toAbsolutePath().normalize();

    /** The smallest valid pack: the required keys, with stand-in files (their content is not read at load time). */
    static final String MINIMAL = """
            name: qwen2.5-0.5b-instruct
            version: "2024-09"
            licence: Apache-2.0
            decoder: model.onnx
            tokenizer: tokenizer.json
            chat_template: chatml
            context_length: 32768
            """;

    @TempDir
    Path folder;
    Path file;

    @BeforeEach
    void standInFiles() throws IOException {
        Files.writeString(folder.resolve("model.onnx"), "stand-in");
        Files.writeString(folder.resolve("tokenizer.json"), "{}");
        file = folder.resolve("pack.yaml");
    }

    ModelPack load(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return PackLoader.load(folder);
    }

    /** The refusal's message, checked whole: it is what the technician reads. */
    String refusal(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return assertThrows(PackException.class, () -> PackLoader.load(folder)).getMessage();
    }

    @Test
    void aMinimalPackGetsTheDocumentedDefaults() throws IOException {
        ModelPack pack = load(MINIMAL);
        assertEquals("qwen2.5-0.5b-instruct", pack.name());
        assertEquals("2024-09", pack.version());
        assertEquals("Apache-2.0", pack.licence());
        assertEquals(folder.toAbsolutePath().normalize(), pack.folder());
        assertEquals(pack.folder().resolve("model.onnx"), pack.decoder());
        assertEquals(Optional.empty(), pack.decoderData());
        assertEquals(pack.folder().resolve("tokenizer.json"), pack.tokenizer());
        assertEquals("chatml", pack.template().name());
        assertEquals(32768, pack.contextLength());
        assertEquals(WeightType.FLOAT32, pack.weights());
        assertEquals(KvNames.DEFAULT, pack.kvNames());
        assertEquals(Sampling.GREEDY, pack.sampling());
        assertEquals(0, pack.seed());
        assertEquals(128, pack.maxNewTokens());
        assertEquals(Duration.ofSeconds(10), pack.timeBudget());
        assertEquals(ModelPack.SpecialTokens.NONE, pack.specialTokens());
        assertEquals(List.of("<|im_end|>", "<|endoftext|>"), pack.stopStrings());
        assertEquals(pack.folder().resolve("pack.yaml"), pack.file());
    }

    @Test
    void everyKeyIsReadAndMappedOntoTheGenerationTypes() throws IOException {
        Files.writeString(folder.resolve("model.onnx.data"), "weights");
        ModelPack pack = load(MINIMAL + """
                dtype: int4
                special_tokens:
                  bos: 151643
                  eos: ["<|im_end|>", 151643]
                  stop: "\\nShopper:"
                kv_cache:
                  past_key: past.%d.k
                  past_value: past.%d.v
                  present_key: present.%d.k
                  present_value: present.%d.v
                sampling:
                  temperature: 0.7
                  top_p: 0.8
                  repetition_penalty: 1.05
                  seed: 42
                budgets:
                  max_new_tokens: 96
                  time_budget_ms: 6000
                """);
        assertEquals(WeightType.INT4, pack.weights());
        assertEquals(Optional.of(pack.folder().resolve("model.onnx.data")), pack.decoderData());
        assertEquals(Optional.of(TokenRef.ofId(151643)), pack.specialTokens().bos());
        assertEquals(List.of(TokenRef.ofText("<|im_end|>"), TokenRef.ofId(151643)), pack.specialTokens().eos());
        assertEquals(List.of("<|im_end|>", "<|endoftext|>", "\nShopper:"), pack.stopStrings());
        assertEquals(new KvNames("past.%d.k", "past.%d.v", "present.%d.k", "present.%d.v"), pack.kvNames());
        assertEquals(new Sampling(0.7, 0.8, 1.05), pack.sampling());

        // a stand-in tokenizer: <|im_end|> is one token, <|endoftext|> too, the shopper stop is several
        TokenText tokens = new FakeTokens(Map.of("<|im_end|>", new long[] {151645}, "<|endoftext|>",
                new long[] {151643}, "\nShopper:", new long[] {198, 2016, 25}));
        GenerationOptions options = pack.generationOptions(tokens);
        assertEquals(96, options.maxTokens());
        assertEquals(Duration.ofSeconds(6), options.timeBudget());
        assertEquals(Set.of(151645L, 151643L), options.endTokens());
        assertEquals(pack.stopStrings(), options.stopStrings());
        assertEquals(pack.sampling(), options.sampling());
        assertEquals(42, options.seed());
    }

    @Test
    void theDecoderLooksForThePacksCacheNames() {
        Assumptions.assumeTrue(Files.isRegularFile(TINY.resolve("model.onnx")), "tiny decoder not found at " + TINY);
        // the tiny model's cache is named the default way: a pack that says otherwise is refused with its names
        ModelException refused = assertThrows(ModelException.class, () -> OnnxDecoder.load(TINY.resolve("model.onnx"),
                1, new OnnxDecoder.CacheNames("past.%d.k", "past.%d.v", "present.%d.k", "present.%d.v")));
        assertTrue(refused.getMessage().contains("lacks input_ids, logits or past.0.k"), refused.getMessage());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheClosestKnownKey() throws IOException {
        String message = refusal(MINIMAL + """
                sampling:
                  temperature: 0.2
                  temprature: 0.3
                """);
        assertEquals(file.toAbsolutePath() + ":10: unknown key 'temprature' in section 'sampling' (did you mean "
                + "'temperature'?); the known keys are temperature, top_p, repetition_penalty, seed.", message);
        PackException top = assertThrows(PackException.class, () -> load(MINIMAL.replace("licence", "license")));
        assertEquals(3, top.line());
        assertTrue(top.getMessage().contains(":3: unknown key 'license' (did you mean 'licence'?)"), top.getMessage());
        assertTrue(refusal(MINIMAL + "top_p: 0.9\n").contains(":8: unknown key 'top_p' (it belongs in section "
                + "'sampling'); the known keys are name,"));
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws IOException {
        String message = refusal(MINIMAL.replace("context_length: 32768\n", ""));
        assertEquals(file.toAbsolutePath() + ": the required key 'context_length' is missing; a pack names at least "
                + "name, version, licence, decoder, tokenizer, chat_template, context_length.", message);
    }

    @Test
    void wrongTypesAndOutOfRangeValuesSayWhatIsExpected() throws IOException {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("context_length: 64", ":7: 'context_length' is out of range: 64 is not from 128 to 131072.");
        cases.put("context_length: lots",
                ":7: 'context_length' must be a whole number from 128 to 131072, not 'lots'.");
        cases.put("context_length: [1, 2]", ":7: 'context_length' must be a single value, not a list.");
        cases.put("sampling:\n  temperature: 2.5",
                ":9: 'sampling.temperature' is out of range: 2.5 is not from 0 to 2.");
        cases.put("sampling:\n  top_p: 0", ":9: 'sampling.top_p' is out of range: 0 is not above 0 and at most 1.");
        cases.put("sampling:\n  top_p: .nan",
                ":9: 'sampling.top_p' must be a number above 0 and at most 1, not '.nan'.");
        cases.put("budgets:\n  max_new_tokens: 4096",
                ":9: 'budgets.max_new_tokens' is out of range: 4096 is not from 1 to 2048.");
        cases.put("budgets:\n  time_budget_ms: 50",
                ":9: 'budgets.time_budget_ms' is out of range: 50 is not from 100 to 60000.");
        cases.put("dtype: init4", ":8: 'dtype' must be one of float32, float16, int8, int4, not 'init4' (did you mean "
                + "'int4'?).");
        cases.put("kv_cache:\n  past_key: past.key", ":9: 'kv_cache.past_key' must contain %d once, for the layer "
                + "number, not 'past.key'.");
        cases.put("sampling: 0.7", ":8: 'sampling' must hold the keys temperature, top_p, repetition_penalty, seed, "
                + "not '0.7'.");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String yaml = c.getKey().startsWith("context_length")
                    ? MINIMAL.replace("context_length: 32768", c.getKey()) : MINIMAL + c.getKey() + "\n";
            String message = refusal(yaml);
            if (!message.equals(file.toAbsolutePath() + c.getValue())) {
                wrong.add(message);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aMissingDecoderFileIsNamedWithTheLineThatNamesIt() throws IOException {
        String message = refusal(MINIMAL.replace("decoder: model.onnx", "decoder: qwen/model.onnx"));
        assertEquals(file.toAbsolutePath() + ":4: the decoder file "
                + folder.toAbsolutePath().resolve("qwen/model.onnx") + " does not exist.", message);
        Files.delete(folder.resolve("tokenizer.json"));
        assertTrue(refusal(MINIMAL).endsWith(":5: the tokenizer file " + folder.toAbsolutePath()
                .resolve("tokenizer.json") + " does not exist."));
    }

    @Test
    void anUnknownTemplateNameIsRefusedWithTheClosestName() throws IOException {
        assertEquals(file.toAbsolutePath() + ":6: unknown chat template 'chatlm' (did you mean 'chatml'?); the known "
                + "templates are chatml, qwen2.5, smollm, llama3, zephyr, plain, or a mapping with a custom string.",
                refusal(MINIMAL.replace("chat_template: chatml", "chat_template: chatlm")));
    }

    @Test
    void aCustomTemplateIsReadFromTheYamlAndAPlaceholderTypoIsRefused() throws IOException {
        ModelPack pack = load(MINIMAL.replace("chat_template: chatml", """
                chat_template:
                  custom: "### Rules\\n{system}\\n### Question\\n{user}\\n### Answer\\n"
                  stop: ["###"]"""));
        assertEquals("### Rules\nBe brief.\n### Question\nGlue?\n### Answer\n", pack.template().render("Be brief.",
                "Glue?"));
        assertEquals(List.of("###"), pack.stopStrings());
        assertTrue(refusal(MINIMAL.replace("chat_template: chatml", "chat_template: \"Q: {usr} A:\""))
                .endsWith(":6: the custom chat template has an unknown placeholder '{usr}' (did you mean '{user}'?); "
                        + "it may use {system} and {user}."));
    }

    @Test
    void brokenYamlADuplicateKeyAndAMissingFileAreRefusedInOneSentence() throws IOException {
        String broken = refusal(MINIMAL + "sampling: [unclosed\n");
        assertTrue(broken.matches(".*pack\\.yaml:\\d+: is not valid YAML \\(.*\\)\\."), broken);
        assertEquals(file.toAbsolutePath() + ":8: the key 'name' is given twice (first on line 1).",
                refusal(MINIMAL + "name: other\n"));
        assertEquals(file.toAbsolutePath() + ": is empty; expected keys such as name, version and decoder.",
                refusal("# nothing yet\n"));
        Files.delete(file);
        PackException none = assertThrows(PackException.class, () -> PackLoader.load(folder));
        assertEquals(file.toAbsolutePath() + ": the model pack has no pack.yaml.", none.getMessage());
        assertEquals(0, none.line());
    }

    @Test
    void anEndTokenThatIsNotOneTokenIsRefusedWhenTheOptionsAreMade() throws IOException {
        ModelPack pack = load(MINIMAL + "special_tokens:\n  eos: \"</end>\"\n");
        TokenText tokens = new FakeTokens(Map.of("</end>", new long[] {7, 8}));
        PackException refused = assertThrows(PackException.class, () -> pack.generationOptions(tokens));
        assertEquals(file.toAbsolutePath() + ": the end-of-sequence token '</end>' is not one token of "
                + pack.tokenizer() + " (it encodes to [7, 8]); give its id instead.", refused.getMessage());
    }

    @Test
    void theTinyPackGeneratesGreedilyWithItsTemplate() throws IOException {
        Assumptions.assumeTrue(Files.exists(TINY.resolve("model.onnx")), "the tiny decoder is not at " + TINY);
        Files.delete(folder.resolve("model.onnx"));
        Files.delete(folder.resolve("tokenizer.json"));
        ModelPack pack = load("""
                name: tiny-random-llama
                version: "1"
                licence: MIT
                decoder: %s
                tokenizer: %s
                chat_template: plain
                context_length: 2048
                dtype: float16
                special_tokens:
                  bos: "<s>"
                  eos: "</s>"
                budgets:
                  max_new_tokens: 6
                """.formatted(TINY.resolve("model.onnx"), TINY.resolve("tokenizer.json")));
        assertEquals(Optional.of(TINY.resolve("model.onnx.data")), pack.decoderData());
        try (OnnxDecoder decoder = pack.openDecoder(2); HuggingFaceTokenText text = pack.openTokenizer()) {
            List<Message> question = List.of(Message.system("Be brief."), Message.user("Where is the tape?"));
            long[] prompt = pack.promptTokens(text, question);
            assertEquals(1, prompt[0], "<s> is token 1 of the tiny tokenizer and starts the prompt");
            assertEquals(List.of("System: Be brief.\nUser: Where is the tape?\nAssistant:"), List.of(
                    text.decode(prompt)));
            GenerationOptions options = pack.generationOptions(text);
            assertTrue(options.endTokens().contains(2L), "</s> is token 2: " + options.endTokens());
            assertEquals(Sampling.GREEDY, options.sampling());

            Generator generator = new Generator(decoder, text);
            List<String> pieces = new ArrayList<>();
            Generation first = generator.generate(prompt, options, pieces::add, () -> false);
            Generation again = generator.generate(prompt, options, piece -> { }, () -> false);
            assertEquals(first.tokens(), again.tokens(), "greedy decoding is deterministic");
            assertTrue(first.tokens().size() <= 6);
            if (first.stop() == Generation.Stop.TOKEN_BUDGET) {
                assertEquals(6, first.tokens().size());
            }
            assertFalse(first.tokens().contains(2L), "an end token is not part of the reply");
            assertEquals(first.text(), String.join("", pieces));
        }
    }

    @Test
    void aMissingFolderIsRefused() {
        Path nowhere = folder.resolve("absent");
        PackException refused = assertThrows(PackException.class, () -> PackLoader.load(nowhere));
        assertEquals(nowhere.toAbsolutePath() + ": the model pack folder does not exist.", refused.getMessage());
    }

    @Test
    void levenshteinCountsEdits() {
        assertEquals(0, PackLoader.levenshtein("seed", "seed"));
        assertEquals(1, PackLoader.levenshtein("licence", "license"));
        assertEquals(1, PackLoader.levenshtein("temprature", "temperature"));
        assertEquals(3, PackLoader.levenshtein("kitten", "sitting"));
        assertEquals("", PackLoader.didYouMean("colour", List.of("seed", "top_p")));
    }

    /** A tokenizer stand-in mapping whole strings to ids, for what the loader does with token texts. */
    record FakeTokens(Map<String, long[]> ids) implements TokenText {
        @Override
        public long[] encode(String text) {
            return ids.getOrDefault(text, new long[] {0, 0, 0});
        }

        @Override
        public String decode(long[] tokens) {
            return "";
        }
    }
}
