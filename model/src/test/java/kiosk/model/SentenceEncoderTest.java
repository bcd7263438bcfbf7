package kiosk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceEncoderTest {

    static final Path MODEL = Path.of(System.getProperty("kiosk.models", "target/models"), "all-minilm-l6-v2-q");
    static final List<String> SENTENCES = List.of(
            "where are the double a batteries",
            "how much is the cordless drill",
            "is the garden hose in stock",
            "when do you close on sunday",
            "can I return something without a receipt",
            "I need someone to help me",
            "duck tape",
            "Do you sell 9V batteries? And light bulbs, LED, 60 watt equivalent?",
            "x",
            "a much longer question from a shopper who keeps talking about the paint they bought last week and wants "
                    + "to know whether the store can tint another gallon of the same colour before the weekend");

    static SentenceEncoder encoder;

    @BeforeAll
    static void load(@TempDir Path cache) {
        encoder = SentenceEncoder.builder().modelFolder(MODEL).tokenizerCacheDir(cache).threads(2).build();
    }

    @AfterAll
    static void close() {
        encoder.close();
        encoder.close(); // closing twice is harmless
    }

    @Test
    void theTokenizerLibraryIsToldNotToCallHome() {
        // the encoder built in load() set it before its tokenizer's first use, which is when DJL reads it
        // (Ec2Utils.callHome: a request to 169.254.169.254 at every start otherwise)
        assertEquals("true", ai.djl.util.Utils.getEnvOrSystemProperty(DjlTelemetry.OPT_OUT_PROPERTY));
    }

    @Test
    void matchesTheReferenceImplementationOfTheSameQuantizedModel() {
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String sentence : SENTENCES) {
            float[] ours = encoder.encode(sentence);
            float[] theirs = reference.embed(sentence).content().vector();
            double cosine = dot(ours, theirs) / Math.sqrt(dot(theirs, theirs));
            assertTrue(cosine >= 0.9999, "cosine " + cosine + " for \"" + sentence + "\"");
        }
    }

    @Test
    void encodeAllAgreesWithEncodeAndVectorsAreUnitLength() {
        float[][] batch = encoder.encodeAll(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] single = encoder.encode(SENTENCES.get(i));
            assertEquals(384, single.length);
            assertEquals(1.0, dot(single, single), 1e-4);
            assertTrue(dot(single, batch[i]) > 0.99999, "encodeAll changed \"" + SENTENCES.get(i) + "\"");
        }
    }

    @Test
    void aQuestionEncodedAgainGetsTheSameBitsInACopyOfItsOwn() {
        String question = "where would I find a stud finder";
        float[] first = encoder.encode(question);
        float[] kept = encoder.encode(question);
        assertTrue(java.util.Arrays.equals(first, kept), "the kept vector differs from the model's");
        assertTrue(first != kept, "two callers share one array");
        first[0] = 42;
        assertEquals(kept[0], encoder.encode(question)[0], "a caller's change reached the kept vector");
        // pushed out by as many other questions, it is encoded again: the model gives the same bits
        for (int i = 0; i <= SentenceEncoder.RECENT_QUERIES; i++) {
            encoder.encode("question number " + i);
        }
        assertTrue(java.util.Arrays.equals(kept, encoder.encode(question)), "the model's vector changed");
    }

    @Test
    void aPassageEncodedAloneIsWhatEncodeAllGivesIt() {
        for (String sentence : SENTENCES) {
            assertTrue(java.util.Arrays.equals(encoder.encodeAll(List.of(sentence))[0], encoder.encodePassage(sentence)),
                    sentence);
        }
    }

    @Test
    void similarQuestionsAreCloserThanUnrelatedOnes() {
        float[] batteries = encoder.encode("where can I find batteries");
        float[] aa = encoder.encode("double a batteries");
        float[] hours = encoder.encode("what time do you open tomorrow");
        assertTrue(dot(batteries, aa) > dot(batteries, hours) + 0.2);
    }

    @Test
    void aMissingFolderOrCorruptModelSaysWhatAndWhere(@TempDir Path dir) throws IOException {
        ModelException missing = assertThrows(ModelException.class,
                () -> SentenceEncoder.builder().modelFolder(dir.resolve("nope")).build());
        assertTrue(missing.getMessage().contains(dir.resolve("nope").toString()), missing.getMessage());

        Files.writeString(dir.resolve("model.onnx"), "not an onnx model");
        Files.copy(MODEL.resolve("all-minilm-l6-v2-q-tokenizer.json"), dir.resolve("tokenizer.json"));
        ModelException corrupt = assertThrows(ModelException.class,
                () -> SentenceEncoder.builder().modelFolder(dir).build());
        assertTrue(corrupt.getMessage().contains("model.onnx"), corrupt.getMessage());

        Files.delete(dir.resolve("tokenizer.json"));
        ModelException noTokenizer = assertThrows(ModelException.class,
                () -> SentenceEncoder.builder().modelFolder(dir).build());
        assertTrue(noTokenizer.getMessage().contains("tokenizer.json"), noTokenizer.getMessage());
    }

    @Test
    void poolingAveragesOnlyRealTokensAndNormalises() {
        float[][] tokens = {{1, 0}, {0, 1}, {100, 100}};
        float[] pooled = Pooling.meanPooledUnitVector(tokens, new long[] {1, 1, 0});
        assertEquals(Math.sqrt(0.5), pooled[0], 1e-6);
        assertEquals(Math.sqrt(0.5), pooled[1], 1e-6);
    }

    @Test
    void clsPoolingTakesTheFirstTokenAndNormalises() {
        float[][] tokens = {{3, 4}, {100, 0}};
        float[] pooled = Pooling.CLS.unitVector(tokens, new long[] {1, 1});
        assertEquals(0.6, pooled[0], 1e-6);
        assertEquals(0.8, pooled[1], 1e-6);
    }

    @Test
    void eachKnownModelFileCarriesItsOwnPoolingPrefixesAndScale() {
        assertEquals(EncoderRecipe.MINILM, encoder.recipe());
        EncoderRecipe e5 = EncoderRecipe.forModelFile("e5-small-v2-q.onnx");
        assertEquals("query: ", e5.queryPrefix());
        assertEquals("passage: ", e5.passagePrefix());
        assertEquals(Pooling.CLS, EncoderRecipe.forModelFile("bge-small-en-v1.5-q.onnx").pooling());
        // MiniLM is the scale the thresholds are on; a match as near as e5's average lands on MiniLM's average
        assertEquals(0.42, EncoderRecipe.MINILM.onReferenceScale(0.42), 1e-9);
        assertEquals(EncoderRecipe.MINILM.nearest().mean(), e5.onReferenceScale(e5.nearest().mean()), 1e-9);
        assertEquals(Pooling.MEAN, EncoderRecipe.forModelFile("model.onnx").pooling());
    }

    @Test
    void theIndexFindsTheNearestVectorsBestFirst() {
        VectorIndex index = VectorIndex.of(new float[][] {{1, 0}, {0, 1}, {0.6f, 0.8f}});
        List<VectorIndex.Hit> hits = index.nearest(new float[] {0, 1}, 2);
        assertEquals(List.of(1, 2), hits.stream().map(VectorIndex.Hit::index).toList());
        assertEquals(0.8f, hits.get(1).score(), 1e-6);
    }

    @Test
    void anEncodingLeavesNoThreadBusyAfterItReturns() throws InterruptedException {
        // ONNX Runtime's intra-op pool spins its threads for a while after each run by default: on a two-core kiosk
        // that is CPU the recognizer, decoding the shopper's next words at the same moment, does not get.
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        encoder.encode("warm up the session");
        long busyAfterwards = 0;
        for (String sentence : SENTENCES) {
            encoder.encode(sentence);
            long before = process.getProcessCpuTime();
            Thread.sleep(100);
            busyAfterwards += process.getProcessCpuTime() - before;
        }
        // ten idle tenths of a second: a JVM on its own uses 10-40 ms of them (its compiler and collector finishing
        // earlier tests' work); spinning pool threads used 200
        assertTrue(busyAfterwards < 100_000_000L,
                "the process used " + busyAfterwards / 1_000_000 + " ms of CPU in the second after its encodings");
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
