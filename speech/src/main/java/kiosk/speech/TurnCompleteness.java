package kiosk.speech;

/**
 * Whether the words heard so far make a whole request that the listener could answer now ("where are the garden
 * hoses"), or one still waiting for its point ("where is the", "i'd like a", a clarification's half). The
 * {@link Endpointer} asks it once the short silence of {@link EndOfSpeech#afterCompleteTurn()} has passed: a complete
 * turn ends there, anything else waits for the long silence. The speech module has no idea of a store; the
 * application that understands the words answers it (the kiosk: its understanding gives one clear answer).
 *
 * <p>{@link #complete} is called on the recognizing thread, at most once per distinct text of an utterance (the
 * endpointer keeps the last verdict), while the shopper is silent. A judge that takes tens of milliseconds is worth
 * running aside ({@link TurnJudge#aside}): the endpointer tells it which words it will ask about ({@link #expect}) as soon as the
 * shopper falls silent, a chunk or more before it asks, and the verdict is computed meanwhile on a thread of its own.
 */
@FunctionalInterface
public interface TurnCompleteness {

    /** Nothing is ever complete early: only the silences of {@link EndOfSpeech} end a turn. */
    TurnCompleteness NEVER = heard -> false;

    /** Whether {@code heardSoFar} (the free decoder's text, never blank) is a whole, answerable request. */
    boolean complete(String heardSoFar);

    /**
     * A hint: {@link #complete} may soon be asked about {@code heardSoFar} (the shopper has fallen silent after it).
     * Changes no verdict; by default does nothing.
     */
    default void expect(String heardSoFar) {
    }
}
