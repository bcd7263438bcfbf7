package kiosk.app.store;

import java.util.List;
import java.util.Optional;

/**
 * The knowledge that loaded (empty when none could), every problem met on the way, and how much of each file
 * loaded ({@link StoreVerdict#judge} decides from these whether the knowledge may replace a serving one).
 */
public record LoadResult(Optional<StoreKnowledge> knowledge, List<Problem> problems, List<FileTally> tallies) {

    public LoadResult {
        problems = List.copyOf(problems);
        tallies = List.copyOf(tallies);
    }
}
