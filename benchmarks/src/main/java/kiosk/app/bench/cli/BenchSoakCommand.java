package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import kiosk.app.bench.Voices;
import kiosk.app.cli.Configuration;
import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.config.KioskConfig;
import kiosk.app.metrics.KioskMetrics;
import kiosk.app.staff.Attendant;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.SpokenTurn;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.Audio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench soak}: many typed and spoken turns in one process, each reported as the kiosk reports a turn
 * (redacted into the journal, counted in the metrics, watched for staff calls), then the journal's rows are counted
 * and the growth of the Java heap (after a full collection) and of the resident memory is shown, from the end of a
 * warm-up to the end. Questions come from the question set, every fifth one with a phone number, an e-mail address
 * or a card number added so redaction runs too.
 */
@Command(name = "soak", description = "Soak: N typed and N spoken turns into the journal; rows counted, heap and RSS "
        + "growth.")
public final class BenchSoakCommand implements Callable<Integer> {

    private static final List<String> PERSONAL = List.of(" my number is 555 867 5309",
            " email me at sam dot jones at example dot com", " my card is 4539 1488 0343 6467");
    private static final int TURNS_PER_SESSION = 5;
    /** Spoken turns before the spoken phase's memory baseline: every demo question's audio is made by then. */
    private static final int SPOKEN_WARM_UP = 150;

    @Mixin
    private StoreOption store;

    @Mixin
    private QuestionSetOptions set;

    @Option(names = "--typed", paramLabel = "N", defaultValue = "10000", description = "Typed turns "
            + "(default: ${DEFAULT-VALUE}).")
    private int typed;

    @Option(names = "--spoken", paramLabel = "N", defaultValue = "500", description = "Spoken turns (FreeTTS "
            + "questions through recognition; default: ${DEFAULT-VALUE}).")
    private int spoken;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "200", description = "Typed turns before the "
            + "memory baseline (default: ${DEFAULT-VALUE}).")
    private int warmUp;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        KioskConfig config = Configuration.load();
        List<String> questions = new ArrayList<>();
        set.sessions().forEach(session -> session.stream().map(turn -> turn.ask()).filter(ask -> !ask.isBlank())
                .forEach(questions::add));
        Map<String, Object> result = new LinkedHashMap<>();
        try (KioskModels models = store.models(config)) {
            StoreKiosk kiosk = StoreOption.open(models, config, spec.commandLine().getErr());
            KioskMetrics metrics = new KioskMetrics(new KioskMetrics.Versions("bench", "vosk", "minilm", "store"),
                    Instant.now(), Clock.systemUTC());
            try (Attendant attendant = Attendant.open(config, models.paths().state(), List.of(),
                    Optional.of(metrics), Clock.systemUTC())) {
                long rowsBefore = attendant.journal().turnCount();
                Memory baseline = null;
                ShopperSession session = kiosk.newSession();
                long started = System.nanoTime();
                for (int i = 0; i < warmUp + typed; i++) {
                    if (i == warmUp) {
                        baseline = Memory.now();
                    }
                    if (i % TURNS_PER_SESSION == 0) {
                        session = kiosk.newSession();
                        attendant.newSession();
                    }
                    attendant.turn(session.respond(question(questions, i)));
                    if ((i + 1) % 1000 == 0) {
                        out.printf("typed %d turns%n", i + 1);
                        out.flush();
                    }
                }
                double typedSeconds = (System.nanoTime() - started) / 1e9;
                Memory afterTyped = Memory.now();
                Memory afterSpokenWarmUp = afterTyped;
                if (spoken > 0) {
                    VoiceTurns voice = kiosk.voiceTurns();
                    Map<String, Audio> spokenQuestions = new HashMap<>();
                    for (int i = 0; i < spoken; i++) {
                        if (i % TURNS_PER_SESSION == 0) {
                            session = kiosk.newSession();
                            attendant.newSession();
                        }
                        String question = questions.get(i % questions.size());
                        Audio audio = spokenQuestions.computeIfAbsent(question, q -> Voices.asPlayed(Voices.freeTts(
                                models.synthesizer(), q), 300));
                        SpokenTurn turn = voice.take(audio, session, chunk -> { });
                        attendant.turn(turn.reply(), turn.timingsMs(), OptionalDouble.empty());
                        if (i + 1 == Math.min(spoken, SPOKEN_WARM_UP)) {
                            // the speech model, the voice and every question's audio are in memory from here on:
                            // growth after this point is what a long-running kiosk would see
                            afterSpokenWarmUp = Memory.now();
                        }
                        if ((i + 1) % 100 == 0) {
                            out.printf("spoken %d turns%n", i + 1);
                            out.flush();
                        }
                    }
                }
                Memory end = Memory.now();
                long rows = attendant.journal().turnCount() - rowsBefore;
                result.put("typed_turns", warmUp + typed);
                result.put("spoken_turns", spoken);
                result.put("journal_rows_added", rows);
                result.put("every_turn_journaled", rows == warmUp + typed + spoken);
                result.put("typed_turns_per_second", Math.round((warmUp + typed) / typedSeconds));
                result.put("heap_mb", Map.of("baseline", baseline == null ? 0 : baseline.heapMb(),
                        "after_typed", afterTyped.heapMb(), "after_spoken_warm_up", afterSpokenWarmUp.heapMb(),
                        "end", end.heapMb()));
                result.put("rss_mb", Map.of("baseline", baseline == null ? 0 : baseline.rssMb(),
                        "after_typed", afterTyped.rssMb(), "after_spoken_warm_up", afterSpokenWarmUp.rssMb(),
                        "end", end.rssMb()));
                out.println("| turns (typed + spoken) | journal rows added | heap after GC, MB (baseline → end) "
                        + "| RSS, MB (baseline → end) |");
                out.println("|---|---|---|---|");
                out.printf("| %d + %d | %d%s | %.1f → %.1f | %.0f → %.0f |%n", warmUp + typed, spoken, rows,
                        rows == warmUp + typed + spoken ? "" : " (MISSING TURNS)",
                        baseline == null ? 0 : baseline.heapMb(), end.heapMb(),
                        baseline == null ? 0 : baseline.rssMb(), end.rssMb());
                out.printf("typed phase: heap %.1f → %.1f MB, RSS %.0f → %.0f MB; spoken phase after %d warm-up "
                                + "turns: heap %.1f → %.1f MB, RSS %.0f → %.0f MB%n",
                        baseline == null ? 0 : baseline.heapMb(), afterTyped.heapMb(),
                        baseline == null ? 0 : baseline.rssMb(), afterTyped.rssMb(), Math.min(spoken, SPOKEN_WARM_UP),
                        afterSpokenWarmUp.heapMb(), end.heapMb(), afterSpokenWarmUp.rssMb(), end.rssMb());
                if (set.json.isPresent()) {
                    Files.writeString(set.json.get(), JsonLines.write(result) + "\n");
                }
                return rows == warmUp + typed + spoken ? 0 : 1;
            }
        }
    }

    private static String question(List<String> questions, int turn) {
        String question = questions.get(turn % questions.size());
        return turn % 5 == 4 ? question + "," + PERSONAL.get(turn / 5 % PERSONAL.size()) : question;
    }

    /** Heap in use after a full collection, and the resident set of the process (Linux). */
    record Memory(double heapMb, double rssMb) {
        static Memory now() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            double rss = 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                rss = -1; // not Linux: RSS unknown
            }
            return new Memory(Math.round(heap * 10) / 10.0, Math.round(rss * 10) / 10.0);
        }
    }
}
