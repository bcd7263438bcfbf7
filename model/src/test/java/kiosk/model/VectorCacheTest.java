package kiosk.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectors the encoder keeps on disk: read back exactly on the next start with the same texts and encoder,
 * encoded again when a text or the encoder changed, and when the file is damaged (which is logged, never a failure).
 * The real encoder makes every vector; a counter around it tells a hit from a miss.
 */
class VectorCacheTest {

    static final Path MODEL = SentenceEncoderTest.MODEL;
    static final List<String> PRODUCTS = List.of("Claw Hammer. hammer. Tools. 16 oz steel", "AA Batteries. double a. "
            + "Electrical", "Duct Tape. duck tape. Hardware", "Cordless Drill. drill. Tools. 18 V");

    static SentenceEncoder encoder;
    static Path onnx;
    static Path tokenizer;

    @BeforeAll
    static void load(@TempDir Path cache) throws IOException {
        encoder = SentenceEncoder.builder().modelFolder(MODEL).tokenizerCacheDir(cache).build();
        try (var files = Files.list(MODEL)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".onnx")) {
                    onnx = file;
                } else if (name.endsWith("tokenizer.json")) {
                    tokenizer = file;
                }
            }
        }
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** The real encoder, counting the texts it was asked to encode. */
    static final class Counting implements Function<List<String>, float[][]> {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public float[][] apply(List<String> list) {
            texts.addAndGet(list.size());
            return encoder.encodeAll(list);
        }
    }

    @Test
    void aRestartWithTheSameTextsAndEncoderReadsTheSameVectors(@TempDir Path folder) {
        Counting first = new Counting();
        float[][] made = VectorCache.forEncoder(folder, onnx, tokenizer, 128).vectors(PRODUCTS, first);
        assertEquals(PRODUCTS.size(), first.texts.get());
        assertEquals(1, vectorFiles(folder).size());

        Counting second = new Counting(); // a new cache object: as after a restart
        float[][] read = VectorCache.forEncoder(folder, onnx, tokenizer, 128).vectors(PRODUCTS, second);
        assertEquals(0, second.texts.get(), "read, not encoded");
        assertEquals(made.length, read.length);
        for (int i = 0; i < made.length; i++) {
            assertArrayEquals(made[i], read[i], 0f, "the same float bits as encoded: " + PRODUCTS.get(i));
        }
    }

    @Test
    void theEncoderWithACacheGivesWhatItGivesWithout(@TempDir Path folder, @TempDir Path djl) {
        float[][] plain = encoder.encodeAll(PRODUCTS);
        try (SentenceEncoder cached = SentenceEncoder.builder().modelFolder(MODEL).tokenizerCacheDir(djl)
                .vectorCache(folder).build()) {
            float[][] encoded = cached.encodeAll(PRODUCTS); // a miss: encoded, then kept
            float[][] read = cached.encodeAll(PRODUCTS);    // a hit
            for (int i = 0; i < plain.length; i++) {
                assertArrayEquals(plain[i], encoded[i], 0f);
                assertArrayEquals(plain[i], read[i], 0f);
            }
        }
        assertEquals(1, vectorFiles(folder).size());
    }

    @Test
    void aChangedTextIsAMissAndEncodedAgain(@TempDir Path folder) {
        VectorCache cache = VectorCache.forEncoder(folder, onnx, tokenizer, 128);
        cache.vectors(PRODUCTS, new Counting());
        List<String> changed = new ArrayList<>(PRODUCTS);
        changed.set(2, "Duct Tape. duck tape. Hardware. silver"); // one product's description edited
        Counting again = new Counting();
        float[][] vectors = cache.vectors(changed, again);
        assertEquals(changed.size(), again.texts.get());
        assertArrayEquals(encoder.encode(changed.get(2)), vectors[2], 0f);
        // the same texts in another order are other vectors for other rows: a miss too
        Counting reordered = new Counting();
        cache.vectors(List.of(PRODUCTS.get(1), PRODUCTS.get(0), PRODUCTS.get(2), PRODUCTS.get(3)), reordered);
        assertEquals(PRODUCTS.size(), reordered.texts.get());
        assertEquals(3, vectorFiles(folder).size());
    }

    @Test
    void anotherEncoderIsAMiss(@TempDir Path folder, @TempDir Path otherModel) throws IOException {
        VectorCache.forEncoder(folder, onnx, tokenizer, 128).vectors(PRODUCTS, new Counting());

        Counting fewerTokens = new Counting();
        VectorCache.forEncoder(folder, onnx, tokenizer, 64).vectors(PRODUCTS, fewerTokens);
        assertEquals(PRODUCTS.size(), fewerTokens.texts.get(), "another token limit");

        // a model file of the same name and size whose content differs in one byte: another encoder
        Path replaced = otherModel.resolve(onnx.getFileName());
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length / 2] ^= 1;
        Files.write(replaced, bytes);
        Counting otherWeights = new Counting();
        VectorCache.forEncoder(folder, replaced, tokenizer, 128).vectors(PRODUCTS, otherWeights);
        assertEquals(PRODUCTS.size(), otherWeights.texts.get(), "another model file");
    }

    @Test
    void aDamagedOrTruncatedFileIsEncodedAgainAndRewritten(@TempDir Path folder) throws IOException {
        VectorCache cache = VectorCache.forEncoder(folder, onnx, tokenizer, 128);
        float[][] made = cache.vectors(PRODUCTS, new Counting());
        Path file = vectorFiles(folder).get(0);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[100] ^= 0x10; // inside the first vector: only the checksum tells
        Files.write(file, flipped);
        Counting afterFlip = new Counting();
        float[][] again = cache.vectors(PRODUCTS, afterFlip);
        assertEquals(PRODUCTS.size(), afterFlip.texts.get(), "a damaged vector is not read");
        assertArrayEquals(made[0], again[0], 0f);
        assertArrayEquals(good, Files.readAllBytes(file), "rewritten whole");

        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
        Counting afterTruncation = new Counting();
        cache.vectors(PRODUCTS, afterTruncation);
        assertEquals(PRODUCTS.size(), afterTruncation.texts.get(), "a truncated file is not read");

        Counting afterRewrite = new Counting();
        cache.vectors(PRODUCTS, afterRewrite);
        assertEquals(0, afterRewrite.texts.get(), "the rewritten file is read again");
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheSpeedUp(@TempDir Path folder) throws IOException {
        Path notAFolder = folder.resolve("file");
        Files.writeString(notAFolder, "in the way");
        VectorCache cache = VectorCache.forEncoder(notAFolder.resolve("vectors"), onnx, tokenizer, 128);
        Counting first = new Counting();
        float[][] vectors = cache.vectors(PRODUCTS, first);
        assertEquals(PRODUCTS.size(), vectors.length);
        Counting second = new Counting();
        cache.vectors(PRODUCTS, second);
        assertEquals(PRODUCTS.size(), second.texts.get());
    }

    @Test
    void onlyTheMostRecentlyUsedFilesAreKept(@TempDir Path folder) throws InterruptedException {
        VectorCache cache = VectorCache.forEncoder(folder, onnx, tokenizer, 128);
        for (int i = 0; i < VectorCache.KEPT_FILES + 3; i++) {
            cache.vectors(List.of("text " + i), new Counting());
            Thread.sleep(20); // files age by their modification time: one tick of the file system clock apart
        }
        assertEquals(VectorCache.KEPT_FILES, vectorFiles(folder).size());
        Counting newest = new Counting();
        cache.vectors(List.of("text " + (VectorCache.KEPT_FILES + 2)), newest);
        assertEquals(0, newest.texts.get(), "the newest is kept");
        Counting oldest = new Counting();
        cache.vectors(List.of("text 0"), oldest);
        assertEquals(1, oldest.texts.get(), "the oldest was let go");
        assertTrue(vectorFiles(folder).stream().noneMatch(f -> f.toString().endsWith(".partial")));
    }

    /**
     * The kiosk's own store's lists outlive a run over the seven evaluated stores and a reload's lists (two lists
     * each: 16 files): with eight files kept, the benchmarks pushed the demo store out and its next start encoded
     * its ~550 texts again (the store step of a cold start 1.8 s instead of 0.44 s).
     */
    @Test
    void aRunOverTheEvaluatedStoresLeavesTheKiosksOwnStoreKept(@TempDir Path folder) throws InterruptedException {
        VectorCache cache = VectorCache.forEncoder(folder, onnx, tokenizer, 128);
        List<List<String>> kiosksOwn = List.of(List.of("Claw Hammer. hammer. Tools"), List.of("When do you open?"));
        for (List<String> list : kiosksOwn) {
            cache.vectors(list, new Counting());
        }
        for (int store = 0; store < 7; store++) {
            Thread.sleep(5); // the kiosk's own files are the oldest by their modification time
            cache.vectors(List.of("product of store " + store), new Counting());
            cache.vectors(List.of("question of store " + store), new Counting());
        }
        Counting restart = new Counting();
        for (List<String> list : kiosksOwn) {
            cache.vectors(list, restart);
        }
        assertEquals(0, restart.texts.get(), "the kiosk's own store was encoded again");
        assertEquals(16, vectorFiles(folder).size());
    }

    /** Beyond the files' count, their size together is bounded: the least recently used go first, never the new. */
    @Test
    void theOldestFilesGoWhenTheFilesTogetherExceedTheirMegabytes(@TempDir Path folder) throws IOException {
        long tooManyTogether = (VectorCache.KEPT_MEGABYTES / 2 + 8) * 1024L * 1024L; // two exceed the bound
        Path oldest = folder.resolve("oldest" + VectorCache.SUFFIX);
        Path older = folder.resolve("older" + VectorCache.SUFFIX);
        for (Path file : List.of(oldest, older)) {
            try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(tooManyTogether); // its size counts, not its blocks: no disk is used
            }
        }
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(oldest, java.nio.file.attribute.FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(now - 30_000));

        VectorCache cache = VectorCache.forEncoder(folder, onnx, tokenizer, 128);
        cache.vectors(PRODUCTS, new Counting());
        List<Path> kept = vectorFiles(folder);
        assertEquals(2, kept.size(), "kept: " + kept);
        assertTrue(kept.contains(older), "the newer of the two large files is kept");
        Counting again = new Counting();
        cache.vectors(PRODUCTS, again);
        assertEquals(0, again.texts.get(), "the newest list is kept");
    }

    private static List<Path> vectorFiles(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(VectorCache.SUFFIX)).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
