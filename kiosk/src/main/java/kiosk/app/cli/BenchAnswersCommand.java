package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk bench answers}: typed questions of a question set, scored for right facts and invented facts. */
@Command(name = "answers", description = "Score typed answers on a question set (right fact, intent, invented facts).")
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
        AnswerScore score = new AnswerScore();
        try (KioskModels models = store.models()) {
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            GroundingCheck grounding = new GroundingCheck(kiosk.knowledge());
            List<List<QuestionSet.Turn>> sessions = set.sessions();
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
        out.println("Typed answers, " + set.questions + " (" + score.turns() + " turns):");
        out.println();
        out.println(AnswerScore.header("input", "answer"));
        out.println(score.row("typed text"));
        if (set.showMisses || score.misses().size() <= 10) {
            score.misses().forEach(miss -> out.println("  miss: " + miss));
        }
        if (set.json.isPresent()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("questions", set.questions.toString());
            result.put("typed", score.toMap());
            Files.writeString(set.json.get(), JsonLines.write(result) + "\n");
        }
        return 0;
    }
}
