package kiosk.speech;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link TurnCompleteness} whose verdicts are made ahead on one judge thread shared by every utterance (one
 * shopper speaks at a time; a thread per utterance would cost its start each time), so that the recognizing thread,
 * which must keep pace with the microphone, finds them made (see {@link TurnCompleteness#aside}).
 */
final class JudgeAside implements TurnCompleteness {

    /** A daemon: nothing is lost when the process ends with a verdict half made. */
    private static final ExecutorService JUDGE = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "kiosk-turn-judge");
        thread.setDaemon(true);
        return thread;
    });

    private final TurnCompleteness judge;
    private final Map<String, CompletableFuture<Boolean>> verdicts = new ConcurrentHashMap<>();
    private volatile String latest;

    JudgeAside(TurnCompleteness judge) {
        this.judge = judge;
    }

    @Override
    public void expect(String heardSoFar) {
        latest = heardSoFar;
        verdicts.computeIfAbsent(heardSoFar, words -> {
            CompletableFuture<Boolean> verdict = new CompletableFuture<>();
            JUDGE.execute(() -> {
                if (!words.equals(latest)) {
                    // superseded while queued (the decoder's text grew): whoever asks after all judges it itself
                    verdicts.remove(words, verdict);
                    verdict.cancel(false);
                    return;
                }
                try {
                    verdict.complete(judge.complete(words));
                } catch (RuntimeException | Error e) {
                    verdict.completeExceptionally(e);
                }
            });
            return verdict;
        });
    }

    @Override
    public boolean complete(String heardSoFar) {
        CompletableFuture<Boolean> verdict = verdicts.get(heardSoFar);
        if (verdict != null) {
            try {
                return verdict.join();
            } catch (CancellationException superseded) {
                // left while queued: judged here, below
            } catch (CompletionException e) {
                // the judge's own failure, as the caller would have met it judging on its own thread
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        return judge.complete(heardSoFar);
    }
}
