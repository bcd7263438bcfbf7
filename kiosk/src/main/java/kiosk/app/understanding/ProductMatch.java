package kiosk.app.understanding;

import kiosk.app.store.Product;

/**
 * How well a product fits the shopper's words: lexical, semantic and their fusion, all 0..1; the encoder's raw
 * cosine; and how much of the product's best name or alias the words cover (1: all of it was said).
 */
public record ProductMatch(Product product, double score, double lexical, double semantic, double cosine,
                           double coverage) {
}
