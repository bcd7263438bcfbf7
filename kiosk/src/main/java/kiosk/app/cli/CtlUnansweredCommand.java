package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.config.KioskConfig;
import kiosk.app.journal.Journal;
import kiosk.app.journal.JournalReport;
import kiosk.app.journal.RequestClusters;
import kiosk.app.store.Product;
import kiosk.app.store.StoreLoader;
import kiosk.app.voice.KioskModels;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl unanswered}: what shoppers asked for that the store does not list, grouped by meaning, with how
 * often and the nearest catalog item, so a technician can add an alias (the nearest item is what they meant) or a
 * product (it is not).
 */
@Command(name = "unanswered", description = "What shoppers asked for that the store lacks, with counts and the "
        + "nearest catalog item.")
final class CtlUnansweredCommand implements Callable<Integer> {

    @Option(names = "--csv", description = "Print CSV: request, count, wordings, nearest_sku, nearest_item, "
            + "similarity.")
    private boolean csv;

    @Mixin
    private JournalOptions period;

    @Override
    public Integer call() throws IOException {
        KioskConfig config = Configuration.load();
        PrintStream out = System.out;
        CSVPrinter printer = csv ? CSVFormat.DEFAULT.builder().setHeader("request", "count", "wordings",
                "nearest_sku", "nearest_item", "similarity").build().print(out) : null;
        Optional<Journal> opened = JournalOptions.open(config, System.err);
        if (opened.isEmpty()) {
            if (printer != null) {
                printer.flush();
            }
            return ExitCode.OK;
        }
        KioskPaths paths = KioskPaths.fromSystemProperties(config.store().folder());
        List<Product> catalog = StoreLoader.load(paths.store()).knowledge().map(k -> k.products()).orElse(List.of());
        try (Journal journal = opened.get(); KioskModels models = new KioskModels(paths)) {
            List<JournalReport.Request> requests = JournalReport.of(journal, period.since(),
                    JournalOptions.encoder(models)).notFound();
            float[][] items = catalog.isEmpty() || requests.isEmpty() ? new float[0][]
                    : models.encoder().encodeAll(catalog.stream().map(Product::name).toList());
            for (JournalReport.Request request : requests) {
                float[] asked = models.encoder().encode(request.request());
                int best = -1;
                double similarity = 0;
                for (int i = 0; i < items.length; i++) {
                    double cosine = RequestClusters.cosine(asked, items[i]);
                    if (cosine > similarity) {
                        similarity = cosine;
                        best = i;
                    }
                }
                String sku = best < 0 ? "" : catalog.get(best).sku();
                String name = best < 0 ? "" : catalog.get(best).name();
                String rounded = String.format(java.util.Locale.ROOT, "%.2f", similarity);
                if (printer != null) {
                    printer.printRecord(request.request(), request.count(), String.join("|", request.wordings()),
                            sku, name, rounded);
                } else {
                    out.printf("%5d  %-36s nearest: %s %s (%s)%n", request.count(), request.request(), sku, name,
                            rounded);
                }
            }
        }
        if (printer != null) {
            printer.flush();
        }
        return ExitCode.OK;
    }
}
