package kiosk.speech;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link TurnCompleteness} whose verdicts are made ahead on the thread of a {@link TurnJudge} (see
 * {@link TurnJudge#aside}).
 */
final class JudgeAside implements TurnCompleteness {

    private final Executor judgeThread;
    private final TurnCompleteness judge;
    private final Map<String, CompletableFuture<Boolean>> verdicts = new ConcurrentHashMap<>();
    private volatile String latest;

    JudgeAside(TurnCompleteness judge, Executor judgeThread) {
        this.judge = judge;
        this.judgeThread = judgeThread;
    }

    @Override
    public void expect(String heardSoFar) {
        latest = heardSoFar;
        verdicts.computeIfAbsent(heardSoFar, words -> {
            CompletableFuture<Boolean> verdict = new CompletableFuture<>();
            Runnable judging = () -> {
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
            };
            try {
                judgeThread.execute(judging);
            } catch (RejectedExecutionException closed) {
                return null; // the judge's thread is stopped: whoever asks judges it on their own thread
            }
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
