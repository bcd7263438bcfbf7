package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kiosk.app.bench.Percentiles;
import kiosk.app.cli.JsonLines;
import kiosk.app.cli.StoreOption;
import kiosk.app.dialogue.Reply;
import kiosk.app.store.Product;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiosk bench catalog}: every product asked for by each of its own names (the catalog name and every alias),
 * in three questions ("where is the …", "how much is the …", "is the … in stock"), each in a new session. A product
 * its store wrote down should be found by what the store calls it; the misses are what a store's catalog writer
 * would want to see (an alias the kiosk cannot hear whole, a name another product shadows).
 */
@Command(name = "catalog",
        description = "Ask for every product by its name and each alias (where, how much, in stock); count the "
                + "answers about that product.")
public final class BenchCatalogCommand implements Callable<Integer> {

    /** The three questions asked of each name: a place, a price, a stock level. */
    private static final List<String> FRAMES = List.of("where is the %s", "how much is the %s",
            "is the %s in stock");

    @Mixin
    private StoreOption store;

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Store folders to ask (default: the --store folder or the configured one).")
    private List<Path> folders = new ArrayList<>();

    @Option(names = "--show-misses", description = "List every miss (by default the first ten of each store).")
    private boolean showMisses;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the counts as JSON.")
    private Path json;

    @Spec
    private CommandSpec spec;

    /** How the kiosk answered one store's questions. */
    private static final class Tally {
        int questions;
        int answered;
        int askedWhich;
        final List<String> misses = new ArrayList<>();
        final List<Double> millis = new ArrayList<>();

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("questions", questions);
            map.put("answered_with_the_product", answered);
            map.put("asked_which_with_the_product", askedWhich);
            map.put("neither", misses.size());
            map.put("answer_p95_ms", Math.round(p95() * 10) / 10.0);
            return map;
        }

        double p95() {
            return Percentiles.of(millis.stream().mapToDouble(Double::doubleValue).toArray(), 95);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result = new LinkedHashMap<>();
        out.println("| store | products | questions | answered with the product | asked which, the product among the"
                + " choices | neither | answer p95 ms |");
        out.println("|---|---|---|---|---|---|---|");
        List<String> missLines = new ArrayList<>();
        try (KioskModels models = store.models()) {
            for (Path folder : folders.isEmpty() ? List.of(models.paths().store()) : folders) {
                StoreKiosk kiosk = StoreKiosk.open(folder, models, problem -> err.println("kiosk: " + problem));
                Tally tally = ask(kiosk);
                int products = kiosk.knowledge().products().size();
                out.printf("| %s | %d | %d | %d (%.1f %%) | %d | %d | %.1f |%n", folder, products, tally.questions,
                        tally.answered, 100.0 * tally.answered / Math.max(1, tally.questions), tally.askedWhich,
                        tally.misses.size(), tally.p95());
                List<String> shown = showMisses ? tally.misses
                        : tally.misses.subList(0, Math.min(10, tally.misses.size()));
                shown.forEach(miss -> missLines.add("  miss (" + folder + "): " + miss));
                if (shown.size() < tally.misses.size()) {
                    missLines.add("  (" + folder + ": " + tally.misses.size() + " misses; --show-misses lists them)");
                }
                result.put(folder.toString(), tally.toMap());
            }
        }
        missLines.forEach(out::println);
        if (json != null) {
            Files.writeString(json, JsonLines.write(Map.of("catalog", result)) + "\n");
        }
        return 0;
    }

    private static Tally ask(StoreKiosk kiosk) {
        Tally tally = new Tally();
        for (Product product : kiosk.knowledge().products()) {
            for (String question : questions(product)) {
                long start = System.nanoTime();
                Reply reply = kiosk.newSession().respond(question);
                tally.millis.add((System.nanoTime() - start) / 1e6);
                tally.questions++;
                if (product.sku().equals(reply.slots().get("sku"))) {
                    tally.answered++;
                } else if (reply.intent().equals("clarify") && reply.answer().contains(product.name())) {
                    tally.askedWhich++;
                } else {
                    tally.misses.add("\"" + question + "\" [" + product.name() + "] -> " + reply.intent() + ": "
                            + reply.answer());
                }
            }
        }
        return tally;
    }

    /** The questions asked of one product: each frame with its name, then with each alias. */
    static List<String> questions(Product product) {
        List<String> names = new ArrayList<>(List.of(product.name()));
        names.addAll(product.aliases());
        return names.stream().flatMap(name -> FRAMES.stream().map(frame -> String.format(frame, name))).toList();
    }
}
