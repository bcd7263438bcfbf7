package kiosk.speech;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Streams chunks into a WAV file; the header's sizes are filled in when it is closed. */
public final class WavFileSink implements AudioSink {

    private final Path file;
    private final RandomAccessFile out;
    private AudioFormat format = AudioFormat.SPEECH;
    private long dataBytes;
    private boolean closed;

    public WavFileSink(Path file) {
        this.file = file;
        try {
            this.out = new RandomAccessFile(file.toFile(), "rw");
            out.setLength(0);
            out.write(WavFile.WavHeader.of(format, 0));
        } catch (IOException e) {
            throw new AudioException("cannot write the WAV file " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * The highest {@code n} of the files {@code prefix-n.wav} in {@code folder} (0 when there is none), so that
     * numbered files written after a restart continue the numbering instead of overwriting the first ones.
     */
    public static int highestNumber(Path folder, String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "-(\\d{1,9})\\.wav");
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> name.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1))).max().orElse(0);
        } catch (IOException e) {
            return 0; // no folder yet: numbering starts at 1
        }
    }

    @Override
    public void write(AudioChunk chunk) {
        if (closed) {
            throw new IllegalStateException("the WAV file " + file + " is already closed");
        }
        if (dataBytes == 0) {
            format = chunk.format();
        } else if (!format.equals(chunk.format())) {
            throw new IllegalArgumentException("cannot mix " + chunk.format() + " into " + format + " in " + file);
        }
        try {
            out.write(chunk.pcm());
            dataBytes += chunk.pcm().length;
        } catch (IOException e) {
            throw new AudioException("cannot write the WAV file " + file + ": " + e.getMessage() + ".", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (RandomAccessFile file = out) {
            file.seek(0);
            file.write(WavFile.WavHeader.of(format, dataBytes));
        } catch (IOException e) {
            throw new AudioException("cannot finish the WAV file " + this.file + ": " + e.getMessage() + ".", e);
        }
    }
}
