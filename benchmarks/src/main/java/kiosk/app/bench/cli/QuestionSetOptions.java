package kiosk.app.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kiosk.app.bench.AnswerJudge;
import kiosk.app.bench.QuestionSet;
import kiosk.app.dialogue.GroundingCheck;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import picocli.CommandLine.Option;

/** The options of the benchmarks that replay question sets: which sets, how much of them, what to report. */
final class QuestionSetOptions {

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "bench/demo-questions.yaml",
            description = "Question set, answered from --store or the configured store (default: ${DEFAULT-VALUE}).")
    Path questions;

    @Option(names = "--set", paramLabel = "FILE", arity = "1..*",
            description = "Evaluation sets (bench/eval/*.yaml), each answered from the store its 'store:' names.")
    List<Path> sets = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N sessions of each set (short mode).")
    Optional<Integer> limit;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    Optional<Path> json;

    @Option(names = "--show-misses", description = "List every turn that missed.")
    boolean showMisses;

    /** One question set to replay, the store that answers it, and the judge of its answers. */
    record Run(Path file, List<List<QuestionSet.Turn>> sessions, StoreKiosk kiosk, AnswerJudge judge) {
    }

    /** The sessions of the {@code --set} files (or else of {@code --questions}), each set cut to {@code --limit}. */
    List<List<QuestionSet.Turn>> sessions() {
        List<List<QuestionSet.Turn>> sessions = new ArrayList<>();
        for (Path file : sets.isEmpty() ? List.of(questions) : sets) {
            sessions.addAll(limited(QuestionSet.load(file)));
        }
        return sessions;
    }

    private List<List<QuestionSet.Turn>> limited(QuestionSet set) {
        return set.sessions().subList(0, Math.min(set.sessions().size(), limit.orElse(Integer.MAX_VALUE)));
    }

    /**
     * The sets to replay (the {@code --set} files, or else {@code --questions}), each cut to {@code --limit}
     * sessions, with its store opened on the shared models: a set's own {@code store:} for {@code --set}, the
     * command's store for {@code --questions}.
     */
    List<Run> runs(KioskModels models, PrintWriter err) {
        List<Run> runs = new ArrayList<>();
        for (Path file : sets.isEmpty() ? List.of(questions) : sets) {
            QuestionSet set = QuestionSet.load(file);
            Path store = sets.isEmpty() ? models.paths().store() : set.storeFolder().orElse(models.paths().store());
            StoreKiosk kiosk = StoreKiosk.open(store, models, problem -> err.println("kiosk: " + problem));
            GroundingCheck grounding = new GroundingCheck(kiosk.knowledge());
            runs.add(new Run(file, limited(set), kiosk, new AnswerJudge(store, grounding::ungrounded)));
        }
        return runs;
    }
}
