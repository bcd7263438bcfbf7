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

    private Voices() {
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
