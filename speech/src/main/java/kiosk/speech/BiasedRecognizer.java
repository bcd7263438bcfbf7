package kiosk.speech;

/**
 * A free and a grammar recognizer on the same audio. The grammar decoder hears the store's phrases almost word for
 * word, even in a robotic voice, but forces everything into them; the free decoder hears anything, with slips. The
 * grammar result wins when it accounts for the utterance (few "[unk]" words) with high confidence, unless the free
 * decoder is itself near certain: then the shopper most likely said something the store never listed ("where are the
 * bananas" must not become "where are the bin hammers"), and the free result stands.
 */
final class BiasedRecognizer implements StreamingRecognizer {

    static final double GRAMMAR_MIN_CONFIDENCE = 0.80;
    static final double GRAMMAR_MAX_UNKNOWN_SHARE = 0.25;
    static final double FREE_CERTAIN = 0.98;

    private final VoskRecognizer free;
    private final VoskRecognizer grammar;
    private final Endpointer endpointer;
    private boolean closed;

    /** Both recognizers must be opened without endpointing: this one decides for both. */
    BiasedRecognizer(VoskRecognizer free, VoskRecognizer grammar, java.time.Duration endpointSilence) {
        this.free = free;
        this.grammar = grammar;
        this.endpointer = new Endpointer(endpointSilence);
    }

    @Override
    public RecognitionEvent accept(AudioChunk chunk) {
        grammar.accept(chunk);
        RecognitionEvent fromFree = free.accept(chunk);
        if (endpointer.accept(chunk) && fromFree instanceof RecognitionEvent.Partial) {
            return new RecognitionEvent.Endpoint(finish());
        }
        return fromFree;
    }

    @Override
    public Transcript finish() {
        return choose(free.finish(), grammar.finishWithUnknown());
    }

    static Transcript choose(Transcript free, Transcript grammarWithUnknown) {
        long unknown = grammarWithUnknown.words().stream().filter(w -> VoskRecognizer.UNKNOWN.equals(w.text())).count();
        int total = grammarWithUnknown.words().size();
        Transcript grammar = VoskRecognizer.withoutUnknown(grammarWithUnknown);
        if (free.confidence() >= FREE_CERTAIN && free.words().size() >= 2) {
            return free;
        }
        boolean grammarExplainsIt = total > 0 && !grammar.isEmpty()
                && unknown <= GRAMMAR_MAX_UNKNOWN_SHARE * total
                && grammar.confidence() >= GRAMMAR_MIN_CONFIDENCE;
        return grammarExplainsIt ? grammar : free;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                free.close();
            } finally {
                grammar.close();
            }
        }
    }
}
