package kiosk.app.store;

import java.util.List;
import java.util.Optional;

/** The knowledge that loaded (empty when none could) and every problem met on the way. */
public record LoadResult(Optional<StoreKnowledge> knowledge, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }
}
