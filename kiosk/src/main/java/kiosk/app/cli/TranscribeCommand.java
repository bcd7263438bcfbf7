package kiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.commands.CommandContext;
import kiosk.app.commands.SpeechToIntent;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.Stopwatch;
import kiosk.speech.Audio;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpeechException;
import kiosk.speech.Transcriber;
import kiosk.speech.Transcript;
import kiosk.speech.WavFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk transcribe FILE.wav…}: one line of recognized text per file; a bad file does not stop the rest. */
@Command(name = "transcribe", description = "Recognize speech in WAV files (one line per file).")
public final class TranscribeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "WAV files (any PCM rate, mono or stereo).")
    private List<Path> files;

    @Option(names = "--json", description = "One JSON object per line: file, text, words, confidence, timings_ms.")
    private boolean json;

    @Option(names = "--context", paramLabel = "FILE.yaml",
            description = "Bias recognition toward a command context's phrases (Vosk grammar mode).")
    private java.util.Optional<Path> context;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties())) {
            Transcriber transcriber = new Transcriber(models.speechModel());
            RecognizerOptions options = context
                    .map(file -> SpeechToIntent.recognition(List.of(CommandContext.load(file))))
                    .orElse(RecognizerOptions.free());
            for (Path file : files) {
                try {
                    Stopwatch clock = Stopwatch.start();
                    Audio audio = WavFile.read(file);
                    double readMs = clock.lap();
                    Transcript transcript = transcriber.transcribe(audio, options);
                    double sttMs = clock.lap();
                    out.println(json ? JsonLines.write(transcriptJson(file, audio, transcript, readMs, sttMs))
                            : transcript.text());
                } catch (SpeechException e) {
                    failures++;
                    err.println("kiosk: " + e.getMessage());
                    if (json) {
                        out.println(JsonLines.write(Map.of("file", file.toString(), "error", e.getMessage())));
                    }
                }
                out.flush();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static Map<String, Object> transcriptJson(Path file, Audio audio, Transcript transcript,
                                                     double readMs, double sttMs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("text", transcript.text());
        line.put("confidence", transcript.confidence());
        line.put("words", transcript.words().stream().map(word -> Map.of(
                "word", word.text(),
                "start", word.startSeconds(),
                "end", word.endSeconds(),
                "confidence", word.confidence())).toList());
        line.put("audio_ms", audio.durationMillis());
        line.put("timings_ms", Map.of("read", readMs, "stt", sttMs));
        return line;
    }
}
