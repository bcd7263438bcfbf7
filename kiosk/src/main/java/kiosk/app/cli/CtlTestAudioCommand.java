package kiosk.app.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.config.KioskConfig;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.MicrophoneSource;
import kiosk.speech.SoundLevel;
import kiosk.speech.SpeakerSink;
import kiosk.speech.SpeechException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl test-audio}: records a few seconds from the configured microphone, shows its level, and plays it
 * back on the configured speaker, so a technician hears what the kiosk hears. (Stop the kiosk first: the devices
 * are its while it runs.)
 */
@Command(name = "test-audio", description = "Record 3 s from the microphone, show the level, play it back.")
final class CtlTestAudioCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "3", description = "How long to record (1–30 s).")
    private int seconds;

    @Option(names = "--microphone", paramLabel = "NAME", description = "Instead of audio.microphone.")
    private Optional<String> microphone;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Instead of audio.speaker.")
    private Optional<String> speaker;

    @Override
    public Integer call() {
        if (seconds < 1 || seconds > 30) {
            System.err.println("kioskctl: --seconds must be from 1 to 30, not " + seconds);
            return ExitCode.USAGE;
        }
        KioskConfig config = Configuration.load();
        Audio recorded = Audio.silence(0);
        try (MicrophoneSource source = MicrophoneSource.open(microphone.or(() -> config.audio().microphoneName()))) {
            System.out.println("kioskctl: recording " + seconds + " s: speak now");
            long wanted = seconds * 1000L;
            while (recorded.durationMillis() < wanted) {
                Optional<AudioChunk> chunk = source.read();
                if (chunk.isEmpty()) {
                    System.err.println("kioskctl: the microphone stopped after " + recorded.durationMillis() + " ms");
                    return ExitCode.NO_DEVICE;
                }
                recorded = recorded.append(new Audio(chunk.get().format(), chunk.get().pcm()));
            }
        } catch (SpeechException e) {
            System.err.println("kioskctl: no microphone: " + e.getMessage());
            return ExitCode.NO_DEVICE;
        }
        SoundLevel level = SoundLevel.of(recorded);
        System.out.printf("level: peak %.1f dBFS, RMS %.1f dBFS%s%n", level.peakDbfs(), level.rmsDbfs(),
                level.clipping() ? " (clipping: lower the input gain)"
                        : level.peakDbfs() < -50 ? " (almost silent: is the microphone connected and unmuted?)" : "");
        try (SpeakerSink sink = SpeakerSink.open(speaker.or(() -> config.audio().speakerName()))) {
            System.out.println("kioskctl: playing it back");
            for (AudioChunk chunk : recorded.chunks(100)) {
                sink.write(chunk);
            }
        } catch (SpeechException e) {
            System.err.println("kioskctl: no speaker: " + e.getMessage());
            return ExitCode.NO_DEVICE;
        }
        return ExitCode.OK;
    }
}
