package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench startup}: cold start to ready (JVM start → every model loaded, the store indexed and the
 * recognizer's vocabulary compiled), the CPU time the process spent to get there (which a loaded machine disturbs far
 * less than the wall time), and resident memory then, after one spoken turn and after {@code --turns} of them. Run
 * it as its own process: it measures the process it runs in.
 */
@Command(name = "startup", description = "Cold start to ready, and resident memory of the whole kiosk.")
public final class BenchStartupCommand implements Callable<Integer> {

    private static final List<String> QUESTIONS = List.of("where are the double a batteries", "how much are they",
            "is the cordless drill in stock", "when do you close on sunday", "where is the duct tape");

    @Mixin
    private StoreOption store;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Option(names = "--turns", defaultValue = "1", paramLabel = "N",
            description = "Spoken turns before the last memory reading (default: ${DEFAULT-VALUE}; 50 for the target).")
    private int turns;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (turns < 1) {
            throw new ParameterException(spec.commandLine(), "--turns must be at least 1, not " + turns);
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean warmProcess = ManagementFactory.getRuntimeMXBean().getUptime() > 3000;
        try (KioskModels models = store.models()) {
            models.loadSpeechInBackground();   // as kiosk run does
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            VoiceTurns voice = kiosk.voiceTurns();
            // the first turn compiles the vocabulary into the recognizer: part of being ready
            voice.take(Audio.silence(300), kiosk.newSession(), chunk -> { });
            long readyMillis = System.currentTimeMillis() - jvmStart;
            long readyCpuMillis = processCpuMillis();
            long readyRss = residentMegabytes();
            List<Audio> questions = new ArrayList<>();
            for (String question : QUESTIONS) {
                questions.add(models.synthesizer().speakAll(question).append(Audio.silence(300)));
            }
            ShopperSession session = kiosk.newSession();
            voice.take(questions.get(0), session, chunk -> { });
            long turnRss = residentMegabytes();
            for (int turn = 1; turn < turns; turn++) {
                if (turn % QUESTIONS.size() == 0) {
                    session = kiosk.newSession();
                }
                voice.take(questions.get(turn % QUESTIONS.size()), session, chunk -> { });
            }
            long turnsRss = residentMegabytes();
            long cpuMillis = processCpuMillis();
            out.printf("| cold start to ready | CPU time to ready | resident memory at ready | after a spoken turn "
                    + "| after %d | targets |%n", turns);
            out.println("|---|---|---|---|---|---|");
            out.printf("| %d ms | %d ms | %d MB | %d MB | %d MB | ≤ 1.5 s%s; ≤ 300 MB%s |%n", readyMillis,
                    readyCpuMillis, readyRss, turnRss, turnsRss, readyMillis <= 1500 ? "" : " (NOT MET)",
                    turnsRss <= 300 ? "" : " (NOT MET)");
            out.printf("CPU time of the whole run (%d turns): %d ms%n", turns, cpuMillis);
            if (warmProcess) {
                out.println("(this process did other work first, as in bench smoke: these figures are not a cold start;"
                        + " run bin/kiosk bench startup on its own)");
            }
            if (json.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ready_ms", readyMillis);
                result.put("rss_mb_ready", readyRss);
                result.put("rss_mb_after_turn", turnRss);
                result.put("turns", turns);
                result.put("rss_mb_after_turns", turnsRss);
                result.put("cpu_ms_ready", readyCpuMillis);
                result.put("cpu_ms_total", cpuMillis);
                Files.writeString(json.get(), JsonLines.write(result) + "\n");
            }
        }
        return 0;
    }

    /** User and system CPU time of this process (every thread, the JVM's own included). */
    private static long processCpuMillis() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
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
