package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.bench.Percentiles;
import kiosk.app.bench.SyntheticCatalog;
import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.StoreAssistant;
import kiosk.app.store.LoadResult;
import kiosk.app.store.StoreLoader;
import kiosk.app.voice.KioskModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk bench knowledge}: load time, memory and lookup latency with a large generated catalog. */
@Command(name = "knowledge", description = "Knowledge at scale: a generated catalog, load time, memory, lookup p95.")
public final class BenchKnowledgeCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "100000", description = "Catalog rows (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--queries", defaultValue = "1000",
            description = "Lookups to time, after 100 untimed ones (default: ${DEFAULT-VALUE}).")
    private int queries;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON.")
    private Optional<Path> json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = Files.createTempDirectory("kiosk-scale");
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties())) {
            List<String> names = SyntheticCatalog.write(folder, rows, 42);
            models.encoder();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            LoadResult loaded = StoreLoader.load(folder);
            double loadMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            StoreAssistant assistant = StoreAssistant.create(loaded.knowledge().orElseThrow(), models.encoder(),
                    java.time.Clock.systemDefaultZone());
            double indexMs = (System.nanoTime() - start) / 1e6;
            long heapAfter = usedHeap();
            Random random = new Random(7);
            String[] frames = {"where is the %s", "how much is the %s", "is the %s in stock", "%s"};
            double[] latencies = new double[queries];
            Conversation conversation = assistant.newConversation();
            // A kiosk answers for days: time the steady state, after the JIT has compiled the lookup path.
            for (int i = 0; i < 100; i++) {
                conversation.respond("where is the " + names.get(random.nextInt(names.size())).toLowerCase());
            }
            for (int i = 0; i < queries; i++) {
                String name = names.get(random.nextInt(names.size()));
                String[] words = name.split(" ");
                String asked = String.join(" ", Arrays.copyOfRange(words, 1, Math.min(words.length, 1 + 2
                        + random.nextInt(2)))).toLowerCase();
                long t = System.nanoTime();
                conversation.respond(String.format(frames[i % frames.length], asked));
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            double p50 = Percentiles.of(latencies, 50);
            double p95 = Percentiles.of(latencies, 95);
            out.println("| catalog rows | load ms | index ms | heap MB | lookup p50 ms | lookup p95 ms | target p95 |");
            out.println("|---|---|---|---|---|---|---|");
            out.printf("| %d | %.0f | %.0f | %.0f | %.1f | %.1f | ≤ 20 ms%s |%n", loaded.knowledge().get().products().size(),
                    loadMs, indexMs, (heapAfter - heapBefore) / 1e6, p50, p95, p95 <= 20 ? "" : " (NOT MET)");
            if (json.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("rows", rows);
                result.put("load_ms", loadMs);
                result.put("index_ms", indexMs);
                result.put("heap_mb", (heapAfter - heapBefore) / 1e6);
                result.put("lookup_ms_p50", p50);
                result.put("lookup_ms_p95", p95);
                Files.writeString(json.get(), JsonLines.write(result) + "\n");
            }
        } finally {
            try (var files = Files.list(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
        return 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
