package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kiosk.app.bench.AnswerScore;
import kiosk.app.bench.QuestionSet;
import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench answers}: typed questions of question sets, scored per set and per kind of question: right
 * answers, answers with a wrong or invented fact, answers that read the shopper's words back, latency.
 */
@Command(name = "answers",
        description = "Score typed answers on question sets (right, wrong or invented facts, parroted words).")
public final class BenchAnswersCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Mixin
    private QuestionSetOptions set;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = new LinkedHashMap<>();
        try (KioskModels models = store.models()) {
            for (QuestionSetOptions.Run run : set.runs(models, spec.commandLine().getErr())) {
                AnswerScore score = new AnswerScore();
                for (List<QuestionSet.Turn> turns : run.sessions()) {
                    ShopperSession session = run.kiosk().newSession();
                    for (QuestionSet.Turn turn : turns) {
                        long start = System.nanoTime();
                        Reply reply = session.respond(turn.ask());
                        double millis = (System.nanoTime() - start) / 1e6;
                        score.add(turn, turn.ask(), reply.intent(), reply.answer(),
                                run.judge().judge(turn, reply.answer()), millis);
                    }
                }
                print(out, run, score, set.showMisses);
                result.put(run.file().toString(), score.toMap());
            }
        }
        if (set.json.isPresent()) {
            Files.writeString(set.json.get(), JsonLines.write(Map.of("typed", result)) + "\n");
        }
        return 0;
    }

    /** The set's table (all turns, then each kind) and its misses (all of them when asked, or up to ten). */
    private static void print(PrintWriter out, QuestionSetOptions.Run run, AnswerScore score, boolean showMisses) {
        out.println("Typed answers, " + run.file() + " (" + score.turns() + " turns):");
        out.println();
        out.println(AnswerScore.header("kind", "answer"));
        out.println(score.all().row("**all**"));
        if (!score.byKind().containsKey("(no kind)")) {
            score.byKind().forEach((kind, tally) -> out.println(tally.row(kind)));
        }
        if (showMisses || score.misses().size() <= 10) {
            score.misses().forEach(miss -> out.println("  miss: " + miss));
        } else {
            out.println("  (" + score.misses().size() + " misses; --show-misses lists them)");
        }
        out.println();
        out.flush();
    }
}
