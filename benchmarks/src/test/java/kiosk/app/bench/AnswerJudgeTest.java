package kiosk.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import kiosk.app.dialogue.GroundingCheck;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The judge of bench answers on the demo store, with the kiosk's real grounding check. */
class AnswerJudgeTest {

    static AnswerJudge judge;

    @BeforeAll
    static void demoStore() {
        GroundingCheck grounding = new GroundingCheck(StoreLoader.load(Path.of("../kiosk/demo-store")).knowledge()
                .orElseThrow());
        judge = new AnswerJudge(Path.of("../kiosk/demo-store"), grounding::ungrounded);
    }

    static QuestionSet.Turn expecting(String ask, String... facts) {
        return new QuestionSet.Turn(Optional.of(Kind.PLAIN), ask, "product_location", List.of(facts), false);
    }

    static QuestionSet.Turn expectingNone(String ask) {
        return new QuestionSet.Turn(Optional.of(Kind.OUT_OF_CATALOG), ask, "not_found", List.of(), true);
    }

    @Test
    void aRightAnswerHoldsTheFactAndNothingElse() {
        AnswerJudge.Verdict verdict = judge.judge(expecting("where's the wood glue", "aisle 14"),
                "The Wood Glue is in aisle 14.");
        assertTrue(verdict.right(), verdict.toString());
        assertFalse(verdict.wrongOrInvented());
    }

    @Test
    void anAisleIsNotFoundInsideALongerNumber() {
        AnswerJudge.Verdict verdict = judge.judge(expecting("where are the extension cords", "aisle 1"),
                "The Extension Cord 50 ft is in aisle 12.");
        assertFalse(verdict.factsHeld());
        assertTrue(verdict.wrongFact(), "another aisle than the one expected is a wrong fact");
    }

    @Test
    void theExpectedAisleAmongOthersIsImpreciseButNotWrong() {
        AnswerJudge.Verdict verdict = judge.judge(expecting("I need to cover my furniture while I paint", "aisle 13"),
                "Paint is in aisles 12 and 13.");
        assertFalse(verdict.factsHeld());
        assertFalse(verdict.wrongFact());
    }

    @Test
    void anAisleTheStoreLacksIsInvented() {
        AnswerJudge.Verdict verdict = judge.judge(expecting("where is the claw hammer", "aisle 7"),
                "The Claw Hammer is in aisle 7, next to aisle 99.");
        assertEquals(List.of("aisle 99"), verdict.invented().stream().map(String::toLowerCase).toList());
        assertFalse(verdict.right());
    }

    @Test
    void theShoppersOwnWordsReadBackAreParroted() {
        AnswerJudge.Verdict verdict = judge.judge(expectingNone("I'm looking for a kayak, you useless junk"),
                "I couldn't find kayak useless junk in this store. Would you like me to call a team member?");
        assertTrue(verdict.factsHeld(), "no product fact and an offer of a person");
        assertEquals(List.of("kayak", "useless", "junk"), verdict.parroted());
        assertFalse(verdict.right());
        AnswerJudge.Verdict plain = judge.judge(expectingNone("I'm looking for a kayak"),
                "I couldn't find that in this store. Would you like me to call a team member?");
        assertTrue(plain.right(), plain.toString());
    }

    @Test
    void wordsTheStoreUsesAndCommonWordsAreNotParroted() {
        AnswerJudge.Verdict verdict = judge.judge(expecting("how late are you open on thursday", "9 p.m."),
                "On Thursday we close at 9 p.m.");
        assertEquals(List.of(), verdict.parroted());
        assertTrue(verdict.right());
    }

    @Test
    void digitsOfTheQuestionComeBackAsDigitsOrSpelledOut() {
        QuestionSet.Turn turn = expectingNone("call me back at 555 867 5309 and ask for Jenny");
        assertEquals(List.of("5309"), judge.judge(turn,
                "I couldn't find 5309 in this store. Would you like me to call a team member?").parroted());
        List<String> spelled = judge.judge(turn, "I couldn't find eight hundred sixty seven in this store. "
                + "Would you like me to call a team member?").parroted();
        assertTrue(spelled.contains("sixty"), spelled.toString());
    }

    @Test
    void aProductFactForSomethingNotSoldIsAFalseAnswer() {
        AnswerJudge.Verdict verdict = judge.judge(expectingNone("do you have a laptop charger"),
                "Yes, we have 42 of the Battery Charger in stock, in aisle 4.");
        assertTrue(verdict.wrongFact());
        assertFalse(verdict.factsHeld());
        AnswerJudge.Verdict silent = judge.judge(expectingNone("do you have a laptop charger"),
                "Sorry, I didn't catch that.");
        assertFalse(silent.factsHeld(), "neither says it could not find it nor offers a person");
    }
}
