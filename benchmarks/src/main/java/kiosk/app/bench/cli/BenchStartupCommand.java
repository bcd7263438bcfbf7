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
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.app.bench.Voices;
import kiosk.speech.Audio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench startup}: cold start to ready (JVM start → every model loaded and the store indexed: the kiosk
 * answers, hearing with the free decoder alone) and to grammar ready (the store's vocabulary compiled into its
 * recognizer, which hears every turn from then on), the CPU time the process spent to get there (which a loaded
 * machine disturbs far less than the wall time), and resident memory then, after one spoken turn and after
 * {@code --turns} of them. Run it as its own process: it measures the process it runs in.
 */
@Command(name = "startup", description = "Cold start to ready, and resident memory of the whole kiosk.")
public final class BenchStartupCommand implements Callable<Integer> {

    private static final List<String> QUESTIONS = List.of("where are the double a batteries", "how much are they",
            "is the cordless drill in stock", "when do you close on sunday", "where is the duct tape");
    /** Silence after each question (before it, {@link Voices#LEAD_MILLIS}): the end of speech comes within it. */
    private static final int TRAIL_MILLIS = 300;

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
        long commandStart = ManagementFactory.getRuntimeMXBean().getUptime();
        long commandMark = System.nanoTime();
        boolean warmProcess = commandStart > 3000;
        try (KioskModels models = store.models()) {
            Map<String, Long> steps = new LinkedHashMap<>(); // on the main thread, wall ms each
            // the two together are what earlier rounds printed as "JVM start to main"
            steps.put("JVM start to the command (the JVM, the command line parsed)", commandStart);
            long mark = step(steps, "configuration read", commandMark);
            models.loadSpeechInBackground();   // as kiosk run does
            models.encoder();
            mark = step(steps, "sentence encoder loaded", mark);
            StoreKiosk kiosk = StoreOption.open(models, spec.commandLine().getErr());
            mark = step(steps, "store loaded and indexed", mark);
            VoiceTurns voice = kiosk.voiceTurns();
            step(steps, "waited for the speech model and the voice", mark);
            // ready: the kiosk can answer a spoken turn (with the free decoder alone until the store's grammar is in)
            long readyMillis = System.currentTimeMillis() - jvmStart;
            long readyCpuMillis = processCpuMillis();
            long readyRss = residentMegabytes();
            Map<String, Long> threadCpu = cpuMillisByThread();
            // grammar ready: the store's vocabulary compiled into its recognizer, prepared beside the rest of loading
            kiosk.recognizerPrepared().join();
            long grammarReadyMillis = System.currentTimeMillis() - jvmStart;
            long grammarReadyCpuMillis = processCpuMillis();
            List<Audio> questions = new ArrayList<>();
            for (String question : QUESTIONS) {
                questions.add(Voices.asPlayed(Voices.freeTts(models.synthesizer(), question), TRAIL_MILLIS));
            }
            ShopperSession session = kiosk.newSession();
            int builtBefore = models.speechModel().recognizersBuilt();
            long firstTurnStart = System.nanoTime();
            SpokenTurn first = voice.take(questions.get(0), session, chunk -> { });
            long firstTurnMillis = (System.nanoTime() - firstTurnStart) / 1_000_000;
            int builtInFirstTurn = models.speechModel().recognizersBuilt() - builtBefore;
            long turnRss = residentMegabytes();
            for (int turn = 1; turn < turns; turn++) {
                if (turn % QUESTIONS.size() == 0) {
                    session = kiosk.newSession();
                }
                voice.take(questions.get(turn % QUESTIONS.size()), session, chunk -> { });
            }
            long turnsRss = residentMegabytes();
            Map<String, Long> residentByMapping = residentMegabytesByMapping();
            long cpuMillis = processCpuMillis();
            out.printf("| cold start to ready | grammar ready | CPU time to ready / grammar ready "
                    + "| resident memory at ready | after a spoken turn | after %d | targets |%n", turns);
            out.println("|---|---|---|---|---|---|---|");
            out.printf("| %d ms | %d ms | %d / %d ms | %d MB | %d MB | %d MB | ≤ 1.5 s%s; ≤ 300 MB%s |%n",
                    readyMillis, grammarReadyMillis, readyCpuMillis, grammarReadyCpuMillis, readyRss, turnRss, turnsRss,
                    readyMillis <= 1500 ? "" : " (NOT MET)", turnsRss <= 300 ? "" : " (NOT MET)");
            out.println("ready: the models loaded and the store indexed, spoken turns heard by the free decoder alone;"
                    + " grammar ready: the store's grammar recognizer built, which hears every turn after it");
            out.printf("CPU time of the whole run (%d turns): %d ms%n", turns, cpuMillis);
            out.println("steps to ready on the main thread (wall ms): " + steps);
            out.printf("first spoken turn: %d ms in all, end of speech to first audio %.0f ms; recognizers it built: %d"
                    + " (0: the store's was prepared at load)%n", firstTurnMillis,
                    first.timingsMs().get("end_of_speech_to_first_audio"), builtInFirstTurn);
            out.printf("turns heard by the free decoder alone, before the store's grammar was ready: %d%n",
                    models.speechModel().heardBeforeGrammar());
            out.println("CPU time to ready by thread (ms, the JVM's own threads included): " + threadCpu);
            out.println("resident memory after the turns by mapping (MB; [anonymous]: the Java heap and the native "
                    + "libraries' malloc): " + residentByMapping);
            if (warmProcess) {
                out.println("(this process did other work first, as in bench smoke: these figures are not a cold start;"
                        + " run bin/kiosk bench startup on its own)");
            }
            if (json.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ready_ms", readyMillis);
                result.put("grammar_ready_ms", grammarReadyMillis);
                result.put("cpu_ms_grammar_ready", grammarReadyCpuMillis);
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

    private static long step(Map<String, Long> steps, String name, long startNanos) {
        long now = System.nanoTime();
        steps.put(name, (now - startNanos) / 1_000_000);
        return now;
    }

    /**
     * User and system CPU time of each of this process's threads, summed by name with the numbers taken out (the
     * JIT's compiler threads, the collector's, ONNX Runtime's and the kiosk's own), largest first: where the CPU
     * time of a start goes, which the JVM's thread beans do not show for its native threads.
     */
    private static Map<String, Long> cpuMillisByThread() throws IOException {
        Map<String, Long> byName = new java.util.HashMap<>();
        long ticksPerSecond = 100; // USER_HZ, 100 on every Linux the kiosk runs on
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                byName.merge(name, ticks * 1000 / ticksPerSecond, Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Resident memory by what is mapped (a file: a native library, the class-data archive, a model file; or
     * anonymous memory: the heap, malloc's arenas, thread stacks), in whole megabytes, largest first, the small ones
     * summed as "other": what the resident figure is made of.
     */
    private static Map<String, Long> residentMegabytesByMapping() throws IOException {
        Map<String, Long> kilobytes = new java.util.HashMap<>();
        String mapping = "[anonymous]";
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 5 && fields[0].contains("-") && fields[0].indexOf(':') < 0) {
                mapping = fields.length >= 6 ? Path.of(fields[5]).getFileName() + "" : "[anonymous]";
                mapping = mapping.startsWith("[heap") || mapping.startsWith("[stack") ? "[anonymous]" : mapping;
            } else if (fields[0].equals("Rss:")) {
                kilobytes.merge(mapping, Long.parseLong(fields[1]), Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        long other = 0;
        for (Map.Entry<String, Long> entry : kilobytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            if (entry.getValue() >= 1024) {
                sorted.put(entry.getKey(), entry.getValue() / 1024);
            } else {
                other += entry.getValue();
            }
        }
        sorted.put("other", other / 1024);
        return sorted;
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
