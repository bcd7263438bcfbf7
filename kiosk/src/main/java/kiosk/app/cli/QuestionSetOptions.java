package kiosk.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import kiosk.app.bench.QuestionSet;
import picocli.CommandLine.Option;

/** The options of the benchmarks that replay a question set: which set, how much of it, what to report. */
final class QuestionSetOptions {

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "bench/demo-questions.yaml",
            description = "Question set (default: ${DEFAULT-VALUE}).")
    Path questions;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N sessions (short mode).")
    Optional<Integer> limit;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    Optional<Path> json;

    @Option(names = "--show-misses", description = "List every turn that missed.")
    boolean showMisses;

    /** The sessions to replay: all of the set, or the first {@code --limit}. */
    List<List<QuestionSet.Turn>> sessions() {
        QuestionSet set = QuestionSet.load(questions);
        return set.sessions().subList(0, Math.min(set.sessions().size(), limit.orElse(Integer.MAX_VALUE)));
    }
}
