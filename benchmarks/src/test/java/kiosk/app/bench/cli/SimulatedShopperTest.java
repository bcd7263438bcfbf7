package kiosk.app.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kiosk.app.bench.Kind;
import kiosk.app.bench.QuestionSet;
import kiosk.app.dialogue.Reply;
import kiosk.app.dialogue.StoreAssistant;
import kiosk.app.store.StoreLoader;
import kiosk.app.voice.ShopperSession;
import kiosk.model.SentenceEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bench's shopper answers "Did you say the X?" with "yes" for the product the question asks about (the one the
 * demo store's kiosk answers it with, typed, after the earlier turns typed) and "no" for any other, and "no" to any
 * product when the question asks for something the store does not sell; the real encoder and the demo store.
 */
class SimulatedShopperTest {

    private static final String DUCT_TAPE = "MSH-1142";

    private static StoreAssistant assistant;

    @BeforeAll
    static void load() throws java.io.IOException {
        SentenceEncoder encoder = SentenceEncoder.builder()
                .modelFolder(Path.of(System.getProperty("kiosk.models", "../target/models"), "all-minilm-l6-v2-q"))
                .tokenizerCacheDir(Files.createTempDirectory("djl-cache"))
                .build();
        assistant = StoreAssistant.create(StoreLoader.load(Path.of("../kiosk/demo-store")).knowledge().orElseThrow(),
                encoder, Clock.systemDefaultZone());
    }

    private static ShopperSession session() {
        return new ShopperSession(assistant.newConversation(), Optional.empty(), change -> false);
    }

    private static QuestionSet.Turn turn(Kind kind, String ask, String intent, String... expect) {
        return new QuestionSet.Turn(Optional.of(kind), ask, intent, List.of(expect), expect.length == 0);
    }

    @Test
    void aConfirmationIsOneProductNamedBack() {
        // as the spoken path asks when only the grammar decoder heard the product
        Reply asked = assistant.newConversation().respond("where is the duct tape", true);
        assertEquals(Optional.of(DUCT_TAPE), SimulatedShopper.confirmed(asked), asked.toString());
        assertEquals(Optional.empty(), SimulatedShopper.confirmed(session().respond("where is the duct tape")),
                "an answer is no confirmation");
    }

    @Test
    void theShopperSaysYesToTheProductAskedAboutAndNoToAnyOther() {
        SimulatedShopper shopper = new SimulatedShopper(SimulatedShopperTest::session);
        List<QuestionSet.Turn> tape = List.of(turn(Kind.PLAIN, "where can I find duct tape", "product_location",
                "aisle 14"));
        assertEquals(SimulatedShopper.Answer.YES, shopper.answer(tape, 0, DUCT_TAPE));
        String hammer = session().respond("where is the claw hammer").slots().get("sku");
        assertTrue(hammer != null && !hammer.equals(DUCT_TAPE), "the demo store sells a claw hammer: " + hammer);
        assertEquals(SimulatedShopper.Answer.NO, shopper.answer(tape, 0, hammer));

        List<QuestionSet.Turn> followUp = List.of(tape.get(0), turn(Kind.MULTI_TURN, "how much is it",
                "product_price", "$7.98"));
        assertEquals(SimulatedShopper.Answer.YES, shopper.answer(followUp, 1, DUCT_TAPE),
                "\"it\" is the duct tape of the turn before");

        List<QuestionSet.Turn> notSold = List.of(turn(Kind.OUT_OF_CATALOG, "where are the washing machines",
                "not_found"));
        assertEquals(SimulatedShopper.Answer.NO, shopper.answer(notSold, 0, DUCT_TAPE),
                "the store sells nothing the shopper asked for");
    }
}
