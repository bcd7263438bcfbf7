package kiosk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import kiosk.speech.Audio;
import kiosk.speech.SpeechSynthesizer;
import kiosk.speech.WavFile;

/** Speaks benchmark questions in two quite different voices: FreeTTS's kevin16 and espeak-ng (when installed). */
public final class Voices {

    /**
     * Silence before a benchmark question, as a shopper draws breath after pressing the button. Both voices begin
     * speaking within 5 ms of their audio's start, which no microphone hears: without the lead the decoders lost the
     * first word ("hello" heard as "the low", "where can I find" as "they can I find").
     */
    public static final int LEAD_MILLIS = 300;

    private Voices() {
    }

    /**
     * The question as a benchmark plays it to the kiosk: {@link #LEAD_MILLIS} of silence, the question, then
     * {@code trailMillis} of silence (what the endpoint waits for). Every spoken benchmark plays its questions so.
     */
    public static Audio asPlayed(Audio question, int trailMillis) {
        return Audio.silence(LEAD_MILLIS).append(question).append(Audio.silence(trailMillis));
    }

    public static Audio freeTts(SpeechSynthesizer synthesizer, String text) {
        return synthesizer.speakAll(text);
    }

    /** The question in espeak-ng's US English voice, or empty when espeak-ng is not installed. */
    public static Optional<Audio> espeak(String text, Path scratch) {
        try {
            Path wav = Files.createTempFile(scratch, "espeak", ".wav");
            Process process = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav.toString(), text)
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Audio audio = WavFile.read(wav);
            Files.deleteIfExists(wav);
            return Optional.of(audio);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public static boolean espeakInstalled() {
        try {
            Process process = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
