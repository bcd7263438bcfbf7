package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A turn's work that hangs (a synthesizer that never returns) becomes overdue past its allowance, and the watchdog
 * stops pinging although the loop itself still makes progress; a worker that throws is a reported fault.
 */
class OverdueWorkerTest {

    @Test
    void aHungWorkerIsOverdueAndTheWatchdogStopsPingingWhileTheLoopStillProgresses() throws Exception {
        List<KioskEvent> events = new CopyOnWriteArrayList<>();
        TurnWorkers workers = new TurnWorkers(events::add);
        CountDownLatch hang = new CountDownLatch(1);
        long turn = workers.nextTurn();
        workers.start(turn, TurnWorkers.Role.SPEAKING, Duration.ofMillis(300), work -> hang.await());
        AtomicInteger pings = new AtomicInteger();
        try (LoopWatchdog watchdog = new LoopWatchdog(pings::incrementAndGet, workers::overdue,
                Duration.ofSeconds(5), Duration.ofMillis(50))) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < until) {
                watchdog.progress(); // the loop's thread is fine all along
                Thread.sleep(20);
            }
            assertTrue(workers.overdue().orElseThrow().startsWith("speaking of turn " + turn + " is overdue"));
            assertTrue(watchdog.withheld().orElseThrow().contains("overdue"), watchdog.withheld().toString());
            int withheld = pings.get();
            Thread.sleep(300);
            watchdog.progress();
            assertEquals(withheld, pings.get(), "no ping while a worker is overdue");
            assertTrue(withheld >= 1, "pinged before the allowance ran out: " + withheld);
        } finally {
            hang.countDown();
            workers.close();
        }
        assertTrue(workers.overdue().isEmpty(), "the worker ended when released");

        long failing = workers.nextTurn();
        workers.start(failing, TurnWorkers.Role.UNDERSTANDING, Duration.ofSeconds(5), work -> {
            throw new IllegalStateException("a lookup that breaks");
        });
        workers.close();
        KioskEvent.WorkerFailed failed = (KioskEvent.WorkerFailed) events.get(events.size() - 1);
        assertEquals(failing, failed.turn());
        assertEquals(Stage.UNDERSTANDING, failed.stage());
        assertEquals("a lookup that breaks", failed.error().getMessage());
    }
}
