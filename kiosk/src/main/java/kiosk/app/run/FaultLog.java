package kiosk.app.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last errors {@code kioskctl status} shows, and the panel parts that failed and have not come back. Written
 * from any thread (workers, reloads, the panel), read by the control socket's.
 */
public final class FaultLog {

    private static final int ERRORS_KEPT = 10;
    private static final int LONGEST = 300;

    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final Map<String, String> faultyParts = new ConcurrentHashMap<>();

    /** Remembers {@code error} (control characters removed, long ones cut), dropping the oldest beyond ten. */
    public void remember(String error) {
        String clean = error.replaceAll("\\p{Cntrl}", " ");
        if (clean.length() > LONGEST) {
            clean = clean.substring(0, LONGEST) + "…";
        }
        synchronized (lastErrors) {
            if (lastErrors.size() == ERRORS_KEPT) {
                lastErrors.removeFirst();
            }
            lastErrors.addLast(Instant.now() + " " + clean);
        }
    }

    public List<String> lastErrors() {
        synchronized (lastErrors) {
            return List.copyOf(lastErrors);
        }
    }

    void partFailed(String part, String message) {
        faultyParts.put(part, message);
    }

    void partRecovered(String part) {
        faultyParts.remove(part);
    }

    boolean failed(String part) {
        return faultyParts.containsKey(part);
    }

    Map<String, String> faultyParts() {
        return new TreeMap<>(faultyParts);
    }
}
