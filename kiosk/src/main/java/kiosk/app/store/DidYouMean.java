package kiosk.app.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** The known name closest to a misspelt one, when it is close enough to be the likely intent. */
public final class DidYouMean {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    private DidYouMean() {
    }

    public static Optional<String> closest(String unknown, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(candidate -> DISTANCE.apply(unknown, candidate)))
                .filter(best -> DISTANCE.apply(unknown, best) <= Math.max(2, unknown.length() / 3));
    }

    /** " (did you mean 'hours'?)" or nothing. */
    public static String hint(String unknown, Collection<String> known) {
        return closest(unknown, known).map(best -> " (did you mean '" + best + "'?)").orElse("");
    }
}
