package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The decoder thread takes steps without its owner waiting for each: the biased recognizer hands the grammar decoder
 * every chunk and waits for it only at the end of the utterance, so a chunk costs the caller the free decoder alone.
 */
class DecoderThreadTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Test
    void stepsAreHandedOverWithoutWaitingAndRunInOrder() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (DecoderThread thread = new DecoderThread("test decoder")) {
            assertTimeoutPreemptively(PROMPTLY, () -> {
                thread.start(() -> {
                    awaitQuietly(release);
                    ran.add(1);
                });
                thread.start(() -> ran.add(2)); // the first is still running: handed over all the same
                thread.start(() -> ran.add(3));
            });
            assertEquals(List.of(), ran, "nothing ran past the held step");
            release.countDown();
            assertTimeoutPreemptively(PROMPTLY, thread::await);
            assertEquals(List.of(1, 2, 3), ran, "await waits for every step, run in the order handed over");
        }
    }

    @Test
    void aDecoderThatFallsBehindHoldsItsOwnerBackInsteadOfFallingFurther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (DecoderThread thread = new DecoderThread("test decoder")) {
            thread.start(() -> {
                running.countDown();
                awaitQuietly(release);
            });
            assertTrue(running.await(2, TimeUnit.SECONDS));
            for (int i = 0; i < DecoderThread.MAX_BEHIND; i++) {
                assertTimeoutPreemptively(PROMPTLY, () -> thread.start(() -> { }));
            }
            CompletableFuture<Void> oneMore = CompletableFuture.runAsync(() -> thread.start(() -> { }));
            Thread.sleep(200);
            assertFalse(oneMore.isDone(), "no room while " + DecoderThread.MAX_BEHIND + " steps wait");
            release.countDown();
            oneMore.get(2, TimeUnit.SECONDS);
            assertTimeoutPreemptively(PROMPTLY, thread::await);
        }
    }

    @Test
    void aFailedStepIsThrownOnceWithItsCauseAndTheStepsAfterItAreDropped() {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        IllegalStateException cause = new IllegalStateException("the decoder broke");
        try (DecoderThread thread = new DecoderThread("test decoder")) {
            thread.start(() -> {
                awaitQuietly(release);
                throw cause;
            });
            thread.start(() -> ran.add(2));
            release.countDown();
            SpeechException failed = assertTimeoutPreemptively(PROMPTLY,
                    () -> assertThrows(SpeechException.class, thread::await));
            assertSame(cause, failed.getCause());
            assertTrue(failed.getMessage().contains("test decoder"), failed.getMessage());
            assertEquals(List.of(), ran, "a step after a failed one would decode from an unknown state");
            assertFalse(thread.healthy());
            SpeechException later = assertThrows(SpeechException.class, () -> thread.start(() -> ran.add(3)));
            assertTrue(later.getMessage().contains("failed earlier"), later.getMessage());
        }
    }

    @Test
    void aFailureIsThrownByTheNextHandOverWhenNotAwaited() {
        try (DecoderThread thread = new DecoderThread("test decoder")) {
            thread.start(() -> {
                throw new IllegalStateException("the decoder broke");
            });
            assertTimeoutPreemptively(PROMPTLY, () -> {
                while (thread.healthy()) {
                    Thread.onSpinWait();
                }
            });
            SpeechException thrown = assertThrows(SpeechException.class, () -> thread.start(() -> { }));
            assertInstanceOf(IllegalStateException.class, thrown.getCause(), "the next chunk's hand-over tells");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
