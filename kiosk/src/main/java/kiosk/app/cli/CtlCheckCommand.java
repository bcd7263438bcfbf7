package kiosk.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.commands.CommandContext;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.store.LastGoodStore;
import kiosk.app.store.LoadResult;
import kiosk.app.store.StoreVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl check}: reads the configuration, the store knowledge and the command contexts as the kiosk would,
 * without loading any model, and lists every problem as {@code file:line: reason}. Run it before a reload.
 */
@Command(name = "check", description = "Validate kiosk.conf, the store folder and its command contexts.")
final class CtlCheckCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Check this settings file (and its .d drop-ins) "
            + "instead of the installed one, e.g. a staged copy before it is put in place.")
    private Optional<Path> configFile;

    @Option(names = "--store", paramLabel = "DIR", description = "Check this store folder instead of the configured "
            + "one, e.g. a store before it is packaged or copied in.")
    private Optional<Path> storeFolder;

    @Override
    public Integer call() throws IOException {
        Path file = configFile.orElseGet(KioskPaths::configFile);
        List<String> problems = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", file.toString());
        ConfigReader.Result config = ConfigReader.read(file);
        config.problems().forEach(problem -> problems.add(problem.toString()));
        // with a broken file the store is still checked, at the folder the defaults name
        KioskConfig settings = config.config().orElseGet(() -> KioskConfig.defaults(file));
        KioskPaths paths = KioskPaths.fromSystemProperties(settings.store().folder());
        Path store = storeFolder.orElseGet(paths::store);
        result.put("store", store.toString());
        // the verdict a reload and a start would give: the same function, against the same last good copy
        LastGoodStore.Judgement judgement = new LastGoodStore(paths.state()).judge(store,
                settings.store().maxRejectedPercent());
        LoadResult knowledge = judgement.loaded();
        knowledge.problems().forEach(problem -> problems.add(problem.toString()));
        knowledge.knowledge().ifPresent(loaded -> {
            result.put("store_name", loaded.name());
            result.put("products", loaded.products().size());
            result.put("faq_entries", loaded.faqs().size());
        });
        result.put("command_contexts", CommandContext.loadFolder(store.resolve("contexts"), problems::add).size());
        Optional<String> refusal = judgement.verdict() instanceof StoreVerdict.Refused refused
                ? Optional.of(refused.summary()) : Optional.empty();
        refusal.ifPresent(reason -> problems.add("a reload would be refused and the kiosk would keep its last good "
                + "knowledge (with none, as on a first install, it starts out of service): " + reason));
        result.put("verdict", refusal.isPresent() ? "refused" : "sound");
        refusal.ifPresent(reason -> result.put("refused", reason));
        result.put("ok", problems.isEmpty());
        result.put("problems", problems);
        if (json) {
            System.out.println(CtlSocket.json(result));
        } else {
            problems.forEach(System.out::println);
            System.out.println("kioskctl check: " + (problems.isEmpty() ? "no problems" : problems.size()
                    + (problems.size() == 1 ? " problem" : " problems")) + " in " + file + " and " + store
                    + knowledge.knowledge().map(k -> " ('" + k.name() + "': " + k.products().size() + " products, "
                    + k.faqs().size() + " FAQ entries, command contexts: " + result.get("command_contexts") + ")")
                    .orElse(""));
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
