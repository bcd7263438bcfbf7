package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench startup}: cold start to ready (JVM start → every model loaded, the store indexed and the
 * recognizer's vocabulary compiled) and resident memory then and after one spoken turn. Run it as its own process:
 * it measures the process it runs in.
 */
@Command(name = "startup", description = "Cold start to ready, and resident memory of the whole kiosk.")
public final class BenchStartupCommand implements Callable<Integer> {

    @Mixin
    private StoreOption store;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean warmProcess = ManagementFactory.getRuntimeMXBean().getUptime() > 3000;
        try (KioskModels models = store.models()) {
            models.loadSpeechInBackground();   // as kiosk run does
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            VoiceTurns voice = kiosk.voiceTurns();
            // the first turn compiles the vocabulary into the recognizer: part of being ready
            voice.take(Audio.silence(300), kiosk.newSession(), chunk -> { });
            long readyMillis = System.currentTimeMillis() - jvmStart;
            long readyRss = residentMegabytes();
            Audio question = models.synthesizer().speakAll("where are the double a batteries");
            voice.take(question, kiosk.newSession(), chunk -> { });
            long turnRss = residentMegabytes();
            out.println("| cold start to ready | resident memory at ready | after a spoken turn | targets |");
            out.println("|---|---|---|---|");
            out.printf("| %d ms | %d MB | %d MB | ≤ 2 s%s; ≤ 300 MB%s |%n", readyMillis, readyRss, turnRss,
                    readyMillis <= 2000 ? "" : " (NOT MET)", turnRss <= 300 ? "" : " (NOT MET)");
            if (warmProcess) {
                out.println("(this process did other work first, as in bench smoke: these figures are not a cold start;"
                        + " run bin/kiosk bench startup on its own)");
            }
            if (json.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ready_ms", readyMillis);
                result.put("rss_mb_ready", readyRss);
                result.put("rss_mb_after_turn", turnRss);
                Files.writeString(json.get(), JsonLines.write(result) + "\n");
            }
        }
        return 0;
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
