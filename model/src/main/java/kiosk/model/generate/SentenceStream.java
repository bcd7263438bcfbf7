package kiosk.model.generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns generated text, arriving piece by piece, into complete sentences handed on as soon as each is complete, so a
 * reply can be spoken sentence by sentence while the rest is still being generated.
 *
 * <p>A sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (a run of them, with any closing quote or
 * bracket) followed by whitespace, and at a line break. A period does not end a sentence inside a number
 * ({@code $8.98}: no whitespace follows), after a listed abbreviation ({@code e.g.}, {@code St.}), after {@code No.}
 * followed by a number, or after a list number ({@code 1. Go to aisle 5.}). Because a piece may end right after the
 * period of {@code $8.} with {@code 98} still to come, a sentence is handed on when the character after its end has
 * arrived: one piece later, or at {@link #finish()}.
 *
 * <p>With a time budget, once the budget (counted from construction on the injected clock) is exceeded the stream
 * stops at the next sentence boundary: the sentence in progress is completed and handed on, then nothing more, and
 * {@link #cut()} turns true so the caller cancels generation. A reply is thus never spoken up to mid-sentence.
 *
 * <p>It is a {@code Consumer<String>} so it can be given to {@link Generator#generate} as the piece listener, and
 * {@code stream::cut} as its cancellation check. Not thread-safe: use it from the generating thread.
 */
public final class SentenceStream implements Consumer<String> {

    /**
     * Abbreviations whose period does not end a sentence, lower case without the final period. Kept small on
     * purpose: a longer list (etc., Inc.) would glue sentences that really end there.
     */
    static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "e.g",
            "i.e", "approx", "dept", "ave", "rd", "blvd", "mt", "ft", "oz", "lb", "lbs", "qt", "pt", "u.s");
    /** Abbreviations that only stand before a number, so "No. 5" is one sentence and "The answer is no. We…" two. */
    static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "nr");

    private static final String TERMINATORS = ".!?…";
    private static final String CLOSERS = "\"')]}”’»";

    private final Consumer<String> sentences;
    private final Clock clock;
    private final Instant deadline;
    private final StringBuilder pending = new StringBuilder();
    private boolean cut;
    private boolean finished;

    /** A stream without a time budget. */
    public SentenceStream(Consumer<String> sentences) {
        this.sentences = Objects.requireNonNull(sentences);
        this.clock = null;
        this.deadline = null;
    }

    /** A stream that stops at the first sentence boundary after {@code budget} has passed on {@code clock}. */
    public SentenceStream(Consumer<String> sentences, Duration budget, Clock clock) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a time budget is not negative, not " + budget);
        }
        this.sentences = Objects.requireNonNull(sentences);
        this.clock = clock;
        this.deadline = clock.instant().plus(budget);
    }

    /** Takes the next piece of generated text; ignored once the stream is cut or finished. */
    @Override
    public void accept(String piece) {
        if (cut || finished) {
            return;
        }
        // already at a boundary when the budget ran out: stop here rather than start another sentence
        if (overBudget() && pending.toString().isBlank()) {
            stop();
            return;
        }
        pending.append(piece);
        drain(false);
    }

    /** Generation has ended: hands on what remains as the last sentence, unless the stream was cut. */
    public void finish() {
        if (cut || finished) {
            return;
        }
        drain(true);
        if (!cut) {
            emit(pending.toString());
            pending.setLength(0);
        }
        finished = true;
    }

    /** Whether the time budget stopped the stream: the caller cancels generation. */
    public boolean cut() {
        return cut;
    }

    private void drain(boolean atEnd) {
        int end;
        while (!cut && (end = boundary(atEnd)) >= 0) {
            String sentence = pending.substring(0, end);
            pending.delete(0, end);
            emit(sentence);
            if (overBudget()) {
                stop();
            }
        }
    }

    private void stop() {
        cut = true;
        pending.setLength(0);
    }

    private void emit(String sentence) {
        String text = sentence.strip();
        if (!text.isEmpty()) {
            sentences.accept(text);
        }
    }

    private boolean overBudget() {
        return deadline != null && clock.instant().isAfter(deadline);
    }

    /** The end (exclusive) of the first complete sentence in {@link #pending}, or -1 while it is not known yet. */
    private int boundary(boolean atEnd) {
        int length = pending.length();
        for (int i = 0; i < length; i++) {
            char c = pending.charAt(i);
            if (c == '\n') {
                if (!pending.substring(0, i).isBlank()) {
                    return i;
                }
                continue;
            }
            if (TERMINATORS.indexOf(c) < 0) {
                continue;
            }
            int j = i;
            while (j < length && TERMINATORS.indexOf(pending.charAt(j)) >= 0) {
                j++;
            }
            boolean singlePeriod = c == '.' && j - i == 1;
            while (j < length && CLOSERS.indexOf(pending.charAt(j)) >= 0) {
                j++;
            }
            if (j == length) {
                // what follows decides ("$8." may go on with "98"): wait for it unless generation has ended
                return atEnd ? j : -1;
            }
            if (!Character.isWhitespace(pending.charAt(j))) {
                i = j - 1;
                continue;
            }
            if (singlePeriod) {
                Boolean ends = periodEnds(i, j, atEnd);
                if (ends == null) {
                    return -1;
                }
                if (!ends) {
                    i = j - 1;
                    continue;
                }
            }
            return j;
        }
        return -1;
    }

    /**
     * Whether the single period at {@code dot}, followed by whitespace at {@code after}, ends a sentence; null when
     * the text after it is needed and has not arrived yet.
     */
    private Boolean periodEnds(int dot, int after, boolean atEnd) {
        int start = dot;
        while (start > 0 && (Character.isLetter(pending.charAt(start - 1)) || pending.charAt(start - 1) == '.')) {
            start--;
        }
        String word = pending.substring(start, dot).toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return false;
        }
        if (NUMBER_ABBREVIATIONS.contains(word)) {
            int next = after;
            while (next < pending.length() && Character.isWhitespace(pending.charAt(next))) {
                next++;
            }
            if (next == pending.length()) {
                return atEnd ? Boolean.TRUE : null;
            }
            char following = pending.charAt(next);
            return !(Character.isDigit(following) || following == '#');
        }
        // "1. Go to aisle 5." in a numbered list: the number alone is not a sentence
        String before = pending.substring(0, dot).strip();
        return before.isEmpty() || !before.chars().allMatch(Character::isDigit);
    }
}
