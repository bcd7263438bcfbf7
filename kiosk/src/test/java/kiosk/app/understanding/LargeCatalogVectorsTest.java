package kiosk.app.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import kiosk.app.store.Product;
import kiosk.model.SentenceEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog larger than {@link ProductMatcher#EAGER_VECTORS} encodes a product's document when a question first
 * needs it. Those vectors are kept in the matcher, not in the encoder's vector cache: a file per product cost more
 * than the encoding and pushed the store's own lists out of the cache.
 */
class LargeCatalogVectorsTest {

    private static final String[] BRANDS = {"Acme", "Northfield", "Ridgeline", "Harbor", "Summit", "Keystone"};
    private static final String[] NOUNS = {"Hammer", "Drill", "Wrench", "Ladder", "Shovel", "Bucket", "Rake"};

    @Test
    void productsEncodedWhenFirstNeededLeaveTheVectorCacheAloneAndRankTheSameAgain(@TempDir Path dir)
            throws IOException {
        Path cache = dir.resolve("vectors");
        List<Product> products = new ArrayList<>();
        for (int i = 0; i <= ProductMatcher.EAGER_VECTORS; i++) {
            String noun = NOUNS[i % NOUNS.length];
            products.add(new Product("SKU-" + i, BRANDS[i % BRANDS.length] + " " + noun + " " + (100 + i),
                    List.of(noun.toLowerCase()), noun + "s", Optional.of(String.valueOf(1 + i % 20)),
                    new BigDecimal("9.99"), 5));
        }
        try (SentenceEncoder encoder = SentenceEncoder.builder()
                .modelFolder(Path.of(System.getProperty("kiosk.models", "../target/models"), "all-minilm-l6-v2-q"))
                .tokenizerCacheDir(dir.resolve("djl"))
                .vectorCache(cache)
                .build()) {
            ProductMatcher matcher = new ProductMatcher(products, encoder);
            // "acme hammer" fits every Acme Hammer alike: not plainly one product, so candidates are re-ranked
            List<ProductMatch> first = matcher.rank("where is the acme hammer", 5);
            assertTrue(first.stream().anyMatch(match -> match.cosine() != 0), "nothing was re-ranked by meaning");
            assertEquals(List.of(), files(cache), "the lazily encoded products were written to the vector cache");
            List<ProductMatch> again = matcher.rank("where is the acme hammer", 5);
            assertEquals(first, again, "the kept vectors ranked differently from the first encoding");
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.toList();
        }
    }
}
