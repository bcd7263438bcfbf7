package kiosk.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSink;
import kiosk.speech.SpeakerSink;
import kiosk.speech.WavFileSink;

/** Where spoken replies go: the speaker when there is one, otherwise numbered WAV files. */
public interface Replies {

    /** A sink for one reply; the turn's speaking worker closes it. */
    ReplySink open() throws IOException;

    Optional<Path> last();

    /** Where replies go, for {@code kioskctl status}. */
    String description();

    /** One reply's audio. {@link #stopNow()} drops what is buffered and not yet heard (barge-in). */
    interface ReplySink extends AudioSink {

        /** Called from the loop's thread while the speaking worker may be writing. */
        void stopNow();

        /** A sink with nothing buffered beyond what it has written: stopping is not writing any more. */
        static ReplySink unbuffered(AudioSink sink) {
            return new ReplySink() {
                @Override
                public void write(AudioChunk chunk) {
                    sink.write(chunk);
                }

                @Override
                public void stopNow() {
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        }
    }

    /** Numbered WAV files in {@code folder}: the speaker of a machine without a sound card. */
    static Replies toFiles(Path folder) {
        return new Replies() {
            private int count = WavFileSink.highestNumber(folder, "reply"); // after a restart: go on numbering
            private volatile Optional<Path> last = Optional.empty();

            @Override
            public ReplySink open() throws IOException {
                Files.createDirectories(folder);
                Path file = folder.resolve(String.format("reply-%03d.wav", ++count));
                last = Optional.of(file);
                return ReplySink.unbuffered(new WavFileSink(file));
            }

            @Override
            public Optional<Path> last() {
                return last;
            }

            @Override
            public String description() {
                return "no sound card: replies written as WAV files to " + folder;
            }
        };
    }

    /** The named speaker (or the system's default). */
    static Replies toSpeaker(Optional<String> device) {
        return new Replies() {
            @Override
            public ReplySink open() {
                return new StoppableSpeaker(SpeakerSink.open(device));
            }

            @Override
            public Optional<Path> last() {
                return Optional.empty();
            }

            @Override
            public String description() {
                return "speaker " + device.orElse("(system default)");
            }
        };
    }

    /**
     * A speaker that can be silenced from another thread: it writes in 20 ms pieces and checks between them, so that
     * after {@link SpeakerSink#stopNow()} at most one piece reaches the sound card's emptied buffer.
     */
    final class StoppableSpeaker implements ReplySink {
        private static final int PIECE_MILLIS = 20;
        private final SpeakerSink speaker;
        private volatile boolean stopped;

        StoppableSpeaker(SpeakerSink speaker) {
            this.speaker = speaker;
        }

        @Override
        public void write(AudioChunk chunk) {
            int frame = chunk.format().bytesPerFrame();
            int piece = chunk.format().bytesPerSecond() * PIECE_MILLIS / 1000 / frame * frame;
            for (int from = 0; from < chunk.pcm().length && !stopped; from += piece) {
                byte[] part = java.util.Arrays.copyOfRange(chunk.pcm(), from, Math.min(chunk.pcm().length,
                        from + piece));
                speaker.write(new AudioChunk(chunk.format(), part, chunk.startMillis()
                        + chunk.format().millisOf(from)));
            }
        }

        @Override
        public void stopNow() {
            stopped = true;
            speaker.stopNow();
        }

        @Override
        public void close() {
            speaker.close();
        }
    }
}
