package kiosk.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.platform.Fp16Conversions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decoding machinery on the tiny random Llama (float16 weights, cache and logits) from the shared data. */
class DecoderTest {

    static final Path PACK = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data",
            "tiny-random-llama-onnx");
    static final long[] PROMPT = {0, 450, 4996, 17354, 1701};

    static OnnxDecoder decoder;
    static HuggingFaceTokenText text;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(Files.exists(PACK.resolve("model.onnx")), "the tiny decoder is not at " + PACK);
        decoder = OnnxDecoder.load(PACK.resolve("model.onnx"), 2);
        text = new HuggingFaceTokenText(PACK.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        if (decoder != null) {
            decoder.close();
            decoder.close();
            text.close();
        }
    }

    @Test
    void theCacheLayoutAndTypeAreReadFromTheModel() {
        assertEquals(2, decoder.layers());
        assertTrue(decoder.float16());
    }

    @Test
    void logitsWithTheCacheEqualLogitsRecomputedFromScratch() {
        float[] fromScratch = decoder.prefill(PROMPT);
        decoder.prefill(java.util.Arrays.copyOf(PROMPT, 3));
        decoder.next(PROMPT[3]);
        float[] cached = decoder.next(PROMPT[4]);
        assertEquals(PROMPT.length, decoder.length());
        double worst = 0;
        for (int i = 0; i < cached.length; i++) {
            worst = Math.max(worst, Math.abs(cached[i] - fromScratch[i]) / Math.max(1, Math.abs(fromScratch[i])));
        }
        assertTrue(worst < 1e-2, "largest relative difference " + worst + " beyond float16 tolerance");
        assertEquals(Sampling.argmax(fromScratch), Sampling.argmax(cached));
    }

    @Test
    void greedyDecodingIsDeterministicAndStopsAtItsBudget() {
        Generator generator = new Generator(decoder, text);
        GenerationOptions options = GenerationOptions.greedy(12, Set.of(1L));
        Generation first = generator.generate(PROMPT, options, piece -> { }, () -> false);
        Generation second = generator.generate(PROMPT, options, piece -> { }, () -> false);
        assertEquals(first.tokens(), second.tokens());
        if (first.stop() == Generation.Stop.TOKEN_BUDGET) {
            assertEquals(12, first.tokens().size());
        }
        assertTrue(first.firstTokenMillis() > 0);
    }

    @Test
    void anEndTokenAStopStringAndTheTimeBudgetEndGeneration() {
        Generator generator = new Generator(decoder, text);
        Generation free = generator.generate(PROMPT, GenerationOptions.greedy(8, Set.of()), piece -> { }, () -> false);
        long third = free.tokens().get(2);
        Generation ended = generator.generate(PROMPT, GenerationOptions.greedy(8, Set.of(third)), piece -> { },
                () -> false);
        assertEquals(Generation.Stop.END_TOKEN, ended.stop());
        assertEquals(free.tokens().subList(0, free.tokens().indexOf(third)), ended.tokens());

        Generation outOfTime = generator.generate(PROMPT, GenerationOptions.greedy(8, Set.of())
                .withTimeBudget(Duration.ZERO), piece -> { }, () -> false);
        assertEquals(Generation.Stop.TIME_BUDGET, outOfTime.stop());
        assertEquals(1, outOfTime.tokens().size());

        String stopAt = free.text().length() > 4 ? free.text().substring(2, 4) : free.text();
        Assumptions.assumeFalse(stopAt.isBlank(), "the random model produced no text to stop on");
        Generation stopped = generator.generate(PROMPT, GenerationOptions.greedy(8, Set.of())
                .withStopStrings(List.of(stopAt)), piece -> { }, () -> false);
        assertEquals(Generation.Stop.STOP_STRING, stopped.stop());
        assertTrue(!stopped.text().contains(stopAt));
    }

    @Test
    void cancellationStopsWithinOneToken() {
        Generator generator = new Generator(decoder, text);
        List<String> pieces = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        Generation cancelled = generator.generate(PROMPT, GenerationOptions.greedy(50, Set.of()), pieces::add,
                () -> steps.incrementAndGet() > 3);
        assertEquals(Generation.Stop.CANCELLED, cancelled.stop());
        assertEquals(3, cancelled.tokens().size());
    }

    @Test
    void samplingIsSeededAndThePenaltyDiscouragesRepeats() {
        float[] logits = {1.0f, 3.0f, 2.9f, -1.0f};
        assertEquals(1, Sampling.GREEDY.pick(logits, List.of(), new java.util.Random(0)));
        assertEquals(2, new Sampling(0, 1, 2.0).pick(logits, List.of(1L), new java.util.Random(0)),
                "3.0 / 2 falls below 2.9");
        Sampling nucleus = new Sampling(1.0, 0.9, 1.0);
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        java.util.Random first = new java.util.Random(42);
        java.util.Random second = new java.util.Random(42);
        for (int i = 0; i < 50; i++) {
            a.add(nucleus.pick(logits, List.of(), first));
            b.add(nucleus.pick(logits, List.of(), second));
        }
        assertEquals(a, b, "the same seed gives the same choices");
        assertTrue(!a.contains(3), "top-p 0.9 leaves out the unlikely token");
        assertNotEquals(1, a.stream().distinct().count(), "sampling is not greedy");
    }

    @Test
    void float16ValuesConvertBothWays() {
        for (float value : new float[] {0f, 1f, -2.5f, 65504f, 0.000061035156f}) {
            assertEquals(value, Fp16Conversions.fp16ToFloat(Fp16Conversions.floatToFp16(value)), Math.abs(value) * 1e-3);
        }
    }
}
