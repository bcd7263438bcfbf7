package kiosk.app.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One catalog row. {@code aisle} is empty for products without a shelf place (e.g. ordered at the desk).
 * {@code stock} 0 means out of stock. {@code description} says what the product is for ("cuts branches up to an
 * inch thick"), empty when the catalog has none; the understanding matches needs against it, the kiosk never says it.
 */
public record Product(String sku, String name, List<String> aliases, String department, Optional<String> aisle,
                      BigDecimal price, int stock, String description) {

    public Product {
        aliases = List.copyOf(aliases);
        description = description == null ? "" : description.strip();
    }

    /** A product without a description. */
    public Product(String sku, String name, List<String> aliases, String department, Optional<String> aisle,
                   BigDecimal price, int stock) {
        this(sku, name, aliases, department, aisle, price, stock, "");
    }

    public boolean inStock() {
        return stock > 0;
    }

    /** Every name the product goes by: its catalog name, then its aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
