package kiosk.app.understanding;

import kiosk.app.store.Product;

/** How well a product fits the shopper's words: lexical, semantic and their fusion, all 0..1. */
public record ProductMatch(Product product, double score, double lexical, double semantic) {
}
