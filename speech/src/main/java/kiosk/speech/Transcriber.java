package kiosk.speech;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one place audio is streamed into a recognizer: chunk by chunk ({@value #CHUNK_MILLIS} ms, what a microphone
 * delivers), until the recognizer hears the end of speech, the caller says the utterance is over (talk button
 * released), or the source ends. Clips from files, the microphone, commands and the benchmarks all go through it.
 */
public final class Transcriber {

    /** The size of every chunk fed to a recognizer. */
    public static final int CHUNK_MILLIS = 100;

    private final SpeechModel model;

    public Transcriber(SpeechModel model) {
        this.model = model;
    }

    /** How a stream of audio ended. */
    public enum Ending {
        /** The recognizer heard trailing silence (endpointing). */
        END_OF_SPEECH,
        /**
         * The recognizer heard a short silence after a complete request (a semantic end of turn): the shopper may yet
         * go on, and what they add belongs to this question.
         */
        COMPLETE_TURN,
        /** The caller finished the utterance (button released, longest utterance reached). */
        FINISHED,
        /** The source had no more audio (a file's end, or a microphone that went away). */
        SOURCE_ENDED
    }

    /**
     * The final transcript, how the stream ended, and when the last chunk was fed ({@link System#nanoTime()}): what
     * a shopper waits for is from then to the transcript. {@code noiseFloor}: the floor the endpoint was judged
     * against when silence ended it ({@link NoiseFloor#NONE} otherwise), which the listening on after an early end
     * starts from ({@link EndOfSpeech#continuing}).
     */
    public record Result(Transcript transcript, Ending ending, long lastChunkNanos, long audioMillis,
                         NoiseFloor noiseFloor) {
        public Result {
            Objects.requireNonNull(noiseFloor, "noiseFloor: NoiseFloor.NONE when none was learned");
        }

        /** A result with no noise floor to hand on (the caller or the source ended it). */
        public Result(Transcript transcript, Ending ending, long lastChunkNanos, long audioMillis) {
            this(transcript, ending, lastChunkNanos, audioMillis, NoiseFloor.NONE);
        }

        /** Whether silence ended it, after a complete turn's short silence or the long one. */
        public boolean endedBySilence() {
            return ending == Ending.END_OF_SPEECH || ending == Ending.COMPLETE_TURN;
        }
    }

    /** Recognizes a whole clip (endpointing off: a clip ends when its audio does). */
    public Transcript transcribe(Audio audio, RecognizerOptions options) {
        return stream(audio, options).transcript();
    }

    /** Streams a whole clip through a recognizer with {@code options} (endpointing off), with the timing. */
    public Result stream(Audio audio, RecognizerOptions options) {
        try (StreamingRecognizer recognizer = model.open(options.withEndpointSilence(java.time.Duration.ZERO))) {
            return stream(recognizer, source(audio), partial -> { }, () -> false);
        }
    }

    /**
     * Feeds {@code source} into {@code recognizer} until the end of speech, {@code finish} says so, or the source
     * ends; partial text goes to {@code partials} as it grows. Does not close the recognizer or the source.
     */
    public static Result stream(StreamingRecognizer recognizer, AudioSource source, Consumer<String> partials,
                                BooleanSupplier finish) {
        long lastChunk = System.nanoTime();
        long audioMillis = 0;
        while (!finish.getAsBoolean()) {
            Optional<AudioChunk> chunk = source.read();
            if (chunk.isEmpty()) {
                return new Result(recognizer.finish(), Ending.SOURCE_ENDED, lastChunk, audioMillis);
            }
            audioMillis += chunk.get().durationMillis();
            RecognitionEvent event = recognizer.accept(chunk.get());
            lastChunk = System.nanoTime();
            if (event instanceof RecognitionEvent.Partial partial) {
                partials.accept(partial.text());
            } else if (event instanceof RecognitionEvent.Endpoint endpoint) {
                return new Result(endpoint.transcript(), endpoint.completeTurn() ? Ending.COMPLETE_TURN
                        : Ending.END_OF_SPEECH, lastChunk, audioMillis, endpoint.noiseFloor());
            }
        }
        return new Result(recognizer.finish(), Ending.FINISHED, lastChunk, audioMillis);
    }

    /** A clip as a source of {@value #CHUNK_MILLIS} ms chunks, delivered as fast as they are read. */
    public static AudioSource source(Audio audio) {
        List<AudioChunk> chunks = audio.chunks(CHUNK_MILLIS);
        Iterator<AudioChunk> next = chunks.iterator();
        return new AudioSource() {
            @Override
            public Optional<AudioChunk> read() {
                return next.hasNext() ? Optional.of(next.next()) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
