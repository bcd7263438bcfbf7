package kiosk.speech;

/**
 * A recognizer that {@link SpeechModel} keeps between utterances: building one costs a native decoder and, with a
 * grammar, compiling the grammar into a decoding graph (tens to hundreds of milliseconds for a store's phrases), so
 * it is built once per grammar and reset between utterances instead.
 */
interface ReusableRecognizer extends StreamingRecognizer {

    /**
     * Readies it for a new utterance, ended by the trailing silence {@code endOfSpeech} asks for ({@link EndOfSpeech#OFF}: only by the caller),
     * whatever state the last one was left in (finished, abandoned mid-way).
     *
     * @throws SpeechException when it cannot be reused (a decoder failed); the caller closes it
     */
    void reset(EndOfSpeech endOfSpeech);

    /**
     * Frees what decoding composed and cached for later utterances, keeping what it hears the same (only the next
     * utterances are slower, composing it again). Called between utterances only.
     *
     * @return whether anything was freed
     */
    boolean dropGraphCache();
}
