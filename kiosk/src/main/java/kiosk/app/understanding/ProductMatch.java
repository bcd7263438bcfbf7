package kiosk.app.understanding;

import kiosk.app.store.Product;

/**
 * How well a product fits the shopper's words: lexical, semantic and their fusion, all 0..1; the encoder's raw
 * cosine; and whether the words hold one of the product's names or aliases whole ("... so where would the hacksaws
 * be"); and whether any of its words was said exactly ({@code exact}: false when only slips matched, "wine" for
 * "wipes"); and the encoder's cosine to what the product is for, its description alone ({@code purpose}: 0 when it has
 * none), which a described need is compared with.
 */
public record ProductMatch(Product product, double score, double lexical, double semantic, double cosine,
                           boolean named, boolean exact, double purpose) {

    public ProductMatch(Product product, double score, double lexical, double semantic, double cosine, boolean named,
                        boolean exact) {
        this(product, score, lexical, semantic, cosine, named, exact, 0);
    }

    public ProductMatch(Product product, double score, double lexical, double semantic, double cosine, boolean named) {
        this(product, score, lexical, semantic, cosine, named, lexical > 0);
    }
}
