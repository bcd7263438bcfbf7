package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.bench.AnswerScore;
import kiosk.app.bench.QuestionSet;
import kiosk.app.dialogue.GroundingCheck;
import kiosk.app.dialogue.Reply;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk bench answers}: typed questions of a question set, scored for right facts and invented facts. */
@Command(name = "answers", description = "Score typed answers on a question set (right fact, intent, invented facts).")
public final class BenchAnswersCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "bench/demo-questions.yaml",
            description = "Question set (default: ${DEFAULT-VALUE}).")
    private Path questions;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N sessions (short mode).")
    private Optional<Integer> limit;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Option(names = "--show-misses", description = "List every turn that missed.")
    private boolean showMisses;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        QuestionSet set = QuestionSet.load(questions);
        AnswerScore score = new AnswerScore();
        try (KioskModels models = store.models()) {
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            GroundingCheck grounding = new GroundingCheck(kiosk.knowledge());
            List<List<QuestionSet.Turn>> sessions = set.sessions().subList(0,
                    Math.min(set.sessions().size(), limit.orElse(Integer.MAX_VALUE)));
            for (List<QuestionSet.Turn> turns : sessions) {
                ShopperSession session = kiosk.newSession();
                for (QuestionSet.Turn turn : turns) {
                    long start = System.nanoTime();
                    Reply reply = session.respond(turn.ask());
                    double millis = (System.nanoTime() - start) / 1e6;
                    score.add(turn, turn.ask(), reply.intent(), reply.answer(), grounding.ungrounded(reply.answer()),
                            millis);
                }
            }
        }
        out.println("Typed answers, " + questions + " (" + score.turns() + " turns):");
        out.println();
        out.println(AnswerScore.header("input", "answer"));
        out.println(score.row("typed text"));
        if (showMisses || score.misses().size() <= 10) {
            score.misses().forEach(miss -> out.println("  miss: " + miss));
        }
        if (json.isPresent()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("questions", questions.toString());
            result.put("typed", score.toMap());
            Files.writeString(json.get(), JsonLines.write(result) + "\n");
        }
        return 0;
    }
}
