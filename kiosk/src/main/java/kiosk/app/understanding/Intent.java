package kiosk.app.understanding;

import java.util.Locale;

/** What a shopper's turn asks for. */
public enum Intent {
    PRODUCT_LOCATION, PRODUCT_PRICE, PRODUCT_STOCK, DEPARTMENT_LOCATION, STORE_HOURS, STORE_CONTACT, FAQ, GREETING,
    GOODBYE, THANKS, CALL_STAFF, YES, NO, CLARIFY, NOT_FOUND, NOT_UNDERSTOOD;

    /** The name used in JSON output and benchmarks: product_location, store_hours, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProductQuestion() {
        return this == PRODUCT_LOCATION || this == PRODUCT_PRICE || this == PRODUCT_STOCK;
    }
}
