package kiosk.app.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One catalog row. {@code aisle} is empty for products without a shelf place (e.g. ordered at the desk).
 * {@code stock} 0 means out of stock.
 */
public record Product(String sku, String name, List<String> aliases, String department, Optional<String> aisle,
                      BigDecimal price, int stock) {

    public Product {
        aliases = List.copyOf(aliases);
    }

    public boolean inStock() {
        return stock > 0;
    }
}
