package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.bench.CatalogLookups;
import kiosk.app.cli.JsonLines;
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
        try (KioskModels models = new KioskModels(KioskPaths.fromSystemProperties())) {
            CatalogLookups.Result lookups = CatalogLookups.measure(models, rows, queries);
            double p95 = lookups.p95Ms();
            out.println("| catalog rows | load ms | index ms | heap MB | lookup p50 ms | lookup p95 ms | target p95 |");
            out.println("|---|---|---|---|---|---|---|");
            out.printf("| %d | %.0f | %.0f | %.0f | %.1f | %.1f | ≤ 20 ms%s |%n", lookups.rows(), lookups.loadMs(),
                    lookups.indexMs(), lookups.heapMb(), lookups.p50Ms(), p95, p95 <= 20 ? "" : " (NOT MET)");
            if (json.isPresent()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("rows", rows);
                result.put("load_ms", lookups.loadMs());
                result.put("index_ms", lookups.indexMs());
                result.put("heap_mb", lookups.heapMb());
                result.put("lookup_ms_p50", lookups.p50Ms());
                result.put("lookup_ms_p95", p95);
                Files.writeString(json.get(), JsonLines.write(result) + "\n");
            }
        }
        return 0;
    }
}
