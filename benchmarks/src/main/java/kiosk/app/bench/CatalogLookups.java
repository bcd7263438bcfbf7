package kiosk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import kiosk.app.dialogue.Conversation;
import kiosk.app.dialogue.StoreAssistant;
import kiosk.app.store.LoadResult;
import kiosk.app.store.StoreLoader;
import kiosk.app.voice.KioskModels;

/**
 * Lookups in a generated catalog of a given size ({@link SyntheticCatalog}, fixed seed): load and index it, then time
 * questions about its products after 100 untimed ones (a kiosk answers for days: the steady state counts).
 */
public final class CatalogLookups {

    /** Load and index times, the heap the knowledge takes, and the lookup latencies (ms). */
    public record Result(int rows, double loadMs, double indexMs, double heapMb, double p50Ms, double p95Ms) {
    }

    private CatalogLookups() {
    }

    public static Result measure(KioskModels models, int rows, int queries) throws IOException {
        Path folder = Files.createTempDirectory("kiosk-scale");
        try {
            List<String> names = SyntheticCatalog.write(folder, rows, 42);
            models.encoder();
            long heapBefore = usedHeap();
            long start = System.nanoTime();
            LoadResult loaded = StoreLoader.load(folder);
            double loadMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            StoreAssistant assistant = StoreAssistant.create(loaded.knowledge().orElseThrow(), models.encoder(),
                    Clock.systemDefaultZone());
            double indexMs = (System.nanoTime() - start) / 1e6;
            long heapAfter = usedHeap();
            Random random = new Random(7);
            String[] frames = {"where is the %s", "how much is the %s", "is the %s in stock", "%s"};
            double[] latencies = new double[queries];
            Conversation conversation = assistant.newConversation();
            for (int i = 0; i < 100; i++) {
                conversation.respond("where is the " + names.get(random.nextInt(names.size())).toLowerCase());
            }
            for (int i = 0; i < queries; i++) {
                String[] words = names.get(random.nextInt(names.size())).split(" ");
                String asked = String.join(" ", Arrays.copyOfRange(words, 1, Math.min(words.length, 1 + 2
                        + random.nextInt(2)))).toLowerCase();
                long t = System.nanoTime();
                conversation.respond(String.format(frames[i % frames.length], asked));
                latencies[i] = (System.nanoTime() - t) / 1e6;
            }
            return new Result(loaded.knowledge().get().products().size(), loadMs, indexMs,
                    (heapAfter - heapBefore) / 1e6, Percentiles.of(latencies, 50), Percentiles.of(latencies, 95));
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }

    /** The heap in use after collecting what can be. */
    public static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
