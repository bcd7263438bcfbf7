package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A judge worked ahead on its own thread gives its own verdicts, once per text, and never loses one. */
class JudgeAsideTest {

    private final TurnJudge judges = TurnJudge.start();

    @AfterEach
    void stopTheJudge() {
        judges.close();
    }

    private record Asked(String text, String thread) {
    }

    @Test
    void expectedWordsAreJudgedOnTheJudgeThreadOnceAndTheVerdictIsTheJudgesOwn() throws Exception {
        List<Asked> asked = new CopyOnWriteArrayList<>();
        TurnCompleteness judge = text -> {
            asked.add(new Asked(text, Thread.currentThread().getName()));
            return text.endsWith("hoses");
        };
        TurnCompleteness aside = judges.aside(judge);
        aside.expect("where are the garden hoses");
        assertTrue(aside.complete("where are the garden hoses"));
        assertTrue(aside.complete("where are the garden hoses"));
        assertEquals(List.of(new Asked("where are the garden hoses", "kiosk-turn-judge")), asked);

        aside.expect("where is the");
        assertFalse(aside.complete("where is the"));
        // words never expected: judged on the asking thread, as without the judge's thread
        assertFalse(aside.complete("where is"));
        assertEquals(new Asked("where is", Thread.currentThread().getName()), asked.get(asked.size() - 1));
    }

    @Test
    void wordsSupersededWhileQueuedAreJudgedByWhoeverAsksAfterAll() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Asked> asked = new CopyOnWriteArrayList<>();
        // holds the judge's thread, so that the next words queue behind it
        TurnCompleteness holder = judges.aside(text -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        holder.expect("hold");
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        TurnCompleteness aside = judges.aside(text -> {
            asked.add(new Asked(text, Thread.currentThread().getName()));
            return text.equals("where is the duct tape");
        });
        aside.expect("where is the duct");
        aside.expect("where is the duct tape"); // the decoder's text grew while the first was queued
        release.countDown();
        assertTrue(aside.complete("where is the duct tape"));
        assertFalse(aside.complete("where is the duct"));
        assertEquals(List.of(new Asked("where is the duct tape", "kiosk-turn-judge"),
                new Asked("where is the duct", Thread.currentThread().getName())), asked);
    }

    @Test
    void closingStopsAndJoinsTheJudgesThreadAndLaterWordsAreJudgedByTheAsker() {
        List<Asked> asked = new CopyOnWriteArrayList<>();
        List<Thread> judgedOn = new CopyOnWriteArrayList<>();
        TurnCompleteness aside = judges.aside(text -> {
            asked.add(new Asked(text, Thread.currentThread().getName()));
            judgedOn.add(Thread.currentThread());
            return true;
        });
        aside.expect("where is the glue");
        assertTrue(aside.complete("where is the glue"));
        judges.close();
        judges.close();
        assertFalse(judgedOn.get(0).isAlive(), "the judge's thread was stopped and joined");
        aside.expect("where is the tape");
        assertTrue(aside.complete("where is the tape"));
        assertEquals(List.of(new Asked("where is the glue", "kiosk-turn-judge"),
                new Asked("where is the tape", Thread.currentThread().getName())), asked);
    }

    @Test
    void theJudgesFailureReachesTheAskerAsItWouldOnItsOwnThread() {
        IllegalStateException broken = new IllegalStateException("no understanding");
        TurnCompleteness aside = judges.aside(text -> {
            throw broken;
        });
        aside.expect("where is the duct tape");
        assertSame(broken, assertThrows(IllegalStateException.class,
                () -> aside.complete("where is the duct tape")));
    }
}
