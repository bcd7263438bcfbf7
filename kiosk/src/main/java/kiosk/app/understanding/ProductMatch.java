package kiosk.app.understanding;

import kiosk.app.store.Product;

/**
 * How well a product fits the shopper's words: lexical, semantic and their fusion, all 0..1; the encoder's raw
 * cosine; and whether the words hold one of the product's names or aliases whole ("... so where would the hacksaws
 * be").
 */
public record ProductMatch(Product product, double score, double lexical, double semantic, double cosine,
                           boolean named) {
}
