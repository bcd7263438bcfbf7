package kiosk.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kiosk.app.voice.Stopwatch;
import kiosk.speech.AudioChunk;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.SpeechSynthesizer;
import kiosk.speech.WavFileSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk say "text" --out FILE.wav}: speaks the text into a WAV file (16 kHz mono 16-bit). */
@Command(name = "say", description = "Speak text into a WAV file.")
public final class SayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEXT", description = "What to say; prices, aisles and times are read out.")
    private String text;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the speech.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Stopwatch clock = Stopwatch.start();
        double[] firstAudioMs = {-1};
        try (SpeechSynthesizer synthesizer = FreeTtsSynthesizer.open();
             WavFileSink sink = new WavFileSink(out)) {
            double loadMs = clock.lap();
            synthesizer.speak(text, (AudioChunk chunk) -> {
                if (firstAudioMs[0] < 0) {
                    firstAudioMs[0] = clock.lap();
                }
                sink.write(chunk);
            });
            spec.commandLine().getErr().printf("kiosk: wrote %s (voice ready in %.0f ms, first audio after %.0f ms)%n",
                    out, loadMs, Math.max(0, firstAudioMs[0]));
        }
        return 0;
    }
}
