package kiosk.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.Reply;
import kiosk.app.staff.Attendant;
import kiosk.app.staff.Cause;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk ask "question" ["next question" …]}: typed turns of one shopper session. */
@Command(name = "ask", description = "Answer typed questions; the questions of one call form one session.")
public final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "What the shopper asks, one turn each.")
    private List<String> questions;

    @Mixin
    private StoreOption store;

    @Option(names = "--json", description = "One JSON object per turn: text, intent, slots, answer, confidence, "
            + "escalate, aisle, timings_ms (and spoken, when a model pack phrases the answer).")
    private boolean json;

    @Spec
    private CommandSpec spec;

    /** The longest question read, as on the console panel: a shopper's question is a sentence or two. */
    static final int MAX_QUESTION_CHARS = ConsolePanel.MAX_LINE_CHARS;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).length() > MAX_QUESTION_CHARS) {
                // checked before any model loads: a pasted file is no question, and would only cost time and memory
                err.println("kiosk: question " + (i + 1) + " is " + questions.get(i).length() + " characters long; "
                        + "the kiosk answers questions of at most " + MAX_QUESTION_CHARS + " characters");
                return ExitCode.PROBLEMS;
            }
        }
        KioskConfig config = Configuration.load();
        try (KioskModels models = store.models(config)) {
            StoreKiosk kiosk = StoreOption.open(models, config, err);
            ShopperSession session = kiosk.newSession();
            // issue 15: each turn goes to the journal (redacted) and may call a team member
            Optional<Attendant> attendant = Attendant.openOrSay(config, models.paths().state(), e -> err.println(
                    "kiosk: " + e));
            for (String question : questions) {
                Reply reply = session.respond(question);
                Optional<Cause> staffCall = attendant.flatMap(a -> a.turn(reply));
                // with a model pack, what the kiosk would say: the model's checked sentences, or the template
                Optional<String> spoken = kiosk.phrasing().filter(p -> !reply.escalate())
                        .map(p -> p.phrase(question, reply, sentence -> { }, () -> false));
                Map<String, Object> line = toJson(reply);
                spoken.ifPresent(text -> line.put("spoken", text));
                staffCall.ifPresent(cause -> line.put("staff_call", cause.label()));
                out.println(json ? JsonLines.write(line) : spoken.orElse(reply.answer()));
                staffCall.filter(cause -> !json && !reply.escalate()).ifPresent(c -> out.println(
                        Attendant.STAFF_ON_THE_WAY));
                out.flush();
            }
            attendant.ifPresent(Attendant::finish);
        }
        return 0;
    }

    static Map<String, Object> toJson(Reply reply) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("text", reply.heard());
        line.put("intent", reply.intent());
        line.put("slots", reply.slots());
        line.put("answer", reply.answer());
        line.put("confidence", reply.confidence());
        line.put("escalate", reply.escalate());
        line.put("aisle", reply.aisle().orElse(null));
        line.put("timings_ms", reply.timingsMs());
        return line;
    }
}
