package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The pool's idle tidy drops the kept recognizers' graph caches only once no recognizer has been in use for its idle
 * spell: never while an utterance is being heard, nor when a new utterance came within the spell. The recognizers
 * here only count what is asked of them (whether Vosk's cache is really dropped, and hears the same after, is
 * {@link RecognizerReuseTest}'s); what is judged is when the pool asks.
 */
class RecognizerPoolIdleTest {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final RecognizerOptions FREE = RecognizerOptions.free();

    /** Counts resets and cache drops; hears nothing. */
    private static final class Counting implements ReusableRecognizer {
        final AtomicInteger drops = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public RecognitionEvent accept(AudioChunk chunk) {
            return new RecognitionEvent.Nothing();
        }

        @Override
        public Transcript finish() {
            return Transcript.empty(Transcript.Source.FREE);
        }

        @Override
        public void reset(EndOfSpeech endOfSpeech) {
        }

        @Override
        public boolean dropGraphCache() {
            drops.incrementAndGet();
            return true;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void tidiesOnceIdleAndKeepsTheRecognizer() throws InterruptedException {
        Counting recognizer = new Counting();
        try (RecognizerPool pool = new RecognizerPool(IDLE)) {
            pool.open(FREE, options -> recognizer).close();
            awaitTidies(pool, 1);
            assertEquals(1, recognizer.drops.get(), "its cache dropped once the kiosk was idle");
            assertEquals(0, recognizer.closes.get(), "kept, not freed");
            assertEquals(1, pool.idleCount());
            // idle on: nothing more to tidy until a recognizer is used again
            Thread.sleep(IDLE.toMillis() * 3);
            assertEquals(1, pool.tidies());
            // the next utterance finds the same recognizer
            pool.open(FREE, options -> {
                throw new AssertionError("the kept recognizer should have been reused");
            }).close();
        }
    }

    @Test
    void neverWhileAnUtteranceIsHeard() throws InterruptedException {
        Counting recognizer = new Counting();
        try (RecognizerPool pool = new RecognizerPool(IDLE)) {
            StreamingRecognizer speaking = pool.open(FREE, options -> recognizer);
            Thread.sleep(IDLE.toMillis() * 4); // a long utterance: longer than the idle spell
            assertEquals(0, pool.tidies(), "no tidy while a recognizer is in use");
            assertEquals(0, recognizer.drops.get());
            speaking.close();
            awaitTidies(pool, 1);
            assertEquals(1, recognizer.drops.get());
        }
    }

    @Test
    void anUtteranceWithinTheSpellPutsItOff() throws InterruptedException {
        Counting recognizer = new Counting();
        Duration spell = Duration.ofSeconds(2); // far longer than the pauses below, even on a loaded machine
        try (RecognizerPool pool = new RecognizerPool(spell)) {
            // a conversation: utterances closer together than the idle spell, for two spells
            long end = System.nanoTime() + spell.toNanos() * 2;
            while (System.nanoTime() < end) {
                pool.open(FREE, options -> recognizer).close();
                Thread.sleep(100);
            }
            assertEquals(0, pool.tidies(), "no tidy between one shopper's questions");
            assertEquals(0, recognizer.drops.get());
            awaitTidies(pool, 1);
            assertEquals(1, recognizer.drops.get(), "tidied once the conversation ended");
        }
    }

    @Test
    void closingThePoolCancelsAPendingTidy() throws InterruptedException {
        Counting recognizer = new Counting();
        RecognizerPool pool = new RecognizerPool(IDLE);
        pool.open(FREE, options -> recognizer).close();
        pool.close();
        Thread.sleep(IDLE.toMillis() * 3);
        assertEquals(0, recognizer.drops.get(), "a closed pool tidies nothing");
        assertEquals(1, recognizer.closes.get(), "its kept recognizer freed once");
    }

    private static void awaitTidies(RecognizerPool pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.tidies() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(pool.tidies() >= count, "the pool tidied within 10 s of idleness");
    }
}
