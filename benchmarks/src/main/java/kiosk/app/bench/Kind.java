package kiosk.app.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of question a turn of an evaluation set is: the scores are reported per kind. */
public enum Kind {
    PLAIN, RAMBLING, NEED_BASED, FAQ_PARAPHRASE, STORE_FACT, STOCK_PHRASING, OUT_OF_CATALOG, LONG, INJECTED,
    MULTI_TURN, STAFF, SMALL_TALK;

    /** The name as written in a question set: {@code need_based}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written {@code label} in a question set; an unknown label is refused with the known ones. */
    public static Kind of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + label + "'; the kinds are "
                        + Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "))));
    }
}
