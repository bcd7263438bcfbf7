package kiosk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kiosk.speech.Audio;
import kiosk.speech.WavFile;

/**
 * A benchmark question kept as a WAV file until its turn, read back just before it is played. A benchmark that held
 * its ~90 clips in the Java heap for the whole run grew the heap the serial collector then keeps committed (~95 MB
 * against a kiosk's own ~56–59 MB), so its resident memory measured the benchmark as much as the kiosk.
 *
 * @param voice who speaks it: a synthetic voice's name, or {@code recording}
 * @param wav   the clip (16-bit PCM), a file of the benchmark's scratch folder or a shared recording read in place
 */
public record ClipFile(String voice, Path wav) {

    /** Writes {@code audio} into {@code folder} (a file of its own) and keeps only its path. */
    public static ClipFile save(String voice, Audio audio, Path folder) throws IOException {
        Path wav = Files.createTempFile(folder, voice, ".wav");
        WavFile.write(wav, audio);
        return new ClipFile(voice, wav);
    }

    /** The clip's audio, read from its file: held only while its turn lasts. */
    public Audio audio() {
        return WavFile.read(wav);
    }
}
