package kiosk.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.store.LastGoodStore;
import kiosk.app.store.Problem;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreVerdict;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import org.tinylog.Logger;

/**
 * Reads the configuration file and the store it names again, for a running kiosk's reload, and opens the store at
 * start. Both judge the store with {@link LastGoodStore#judge} (as {@code kioskctl check} does) before anything
 * serves from it: a store that would lose knowledge in bulk is refused, and the last good one keeps serving.
 */
public final class ConfigurationReload {

    private ConfigurationReload() {
    }

    /**
     * The new settings and knowledge, or why they cannot serve. The store folder is the new configuration's, unless
     * the kiosk was started with another ({@code storeOverride}: a launcher's or a {@code --store} option's).
     */
    public static ReloadOutcome read(Path configFile, KioskModels models, Optional<Path> storeOverride) {
        ConfigReader.Result result = ConfigReader.read(configFile);
        if (result.config().isEmpty()) {
            String problems = result.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
            return new ReloadOutcome.Refused(problems,
                    Optional.of(StoreState.OutOfService.settings(configFile, problems)));
        }
        KioskConfig config = result.config().get();
        Path store = storeOverride.orElse(config.store().folder());
        LastGoodStore lastGood = new LastGoodStore(models.paths().state());
        LastGoodStore.Judgement judgement = lastGood.judge(store, config.store().maxRejectedPercent());
        if (judgement.verdict() instanceof StoreVerdict.Refused refused) {
            return new ReloadOutcome.Refused("the store " + store + " is refused: " + refused.summary(),
                    Optional.of(StoreState.OutOfService.store(store, refused.summary())));
        }
        StoreKnowledge judged = ((StoreVerdict.Sound) judgement.verdict()).knowledge();
        List<String> problems = new ArrayList<>();
        try {
            StoreKiosk kiosk = StoreKiosk.open(store, models, problems::add,
                    models.pack(config.models().pack(), problems::add));
            if (!sameSize(judged, kiosk.knowledge())) {
                return new ReloadOutcome.Refused("the store " + store + " changed while it was read; reload again "
                        + "when the files are saved");
            }
            lastGood.remember(store, kiosk.knowledge());
            return new ReloadOutcome.Loaded(config, kiosk, problems);
        } catch (StoreKiosk.KnowledgeUnavailableException e) {
            problems.add(e.getMessage());
            return new ReloadOutcome.Refused(String.join("; ", problems));
        }
    }

    /**
     * The store to start with: the configured folder ({@code models.paths().store()}) when it is sound; otherwise
     * the last good copy in the state folder, so that a store broken before a restart does not keep the unit
     * failing and restarting. Each problem in the store's files goes to {@code problems}, a store refused (and what
     * serves instead) to {@code faults}.
     *
     * @throws StoreKiosk.KnowledgeUnavailableException when neither the store nor a last good copy can serve
     *         ({@link #open} starts out of service then)
     */
    public static StoreKiosk starting(KioskModels models, KioskConfig config, Consumer<String> problems,
                                      Consumer<String> faults) {
        return starting(models, models.paths().store(), config, problems, faults);
    }

    /** As {@link #starting(KioskModels, KioskConfig, Consumer, Consumer)}, with the store folder {@code store}. */
    public static StoreKiosk starting(KioskModels models, Path store, KioskConfig config, Consumer<String> problems,
                                      Consumer<String> faults) {
        StoreState opened = open(models, store, config, problems, faults);
        if (opened instanceof StoreState.OutOfService out) {
            throw new StoreKiosk.KnowledgeUnavailableException(out.description());
        }
        return ((StoreState.InService) opened).kiosk();
    }

    /**
     * As {@link #starting(KioskModels, Path, KioskConfig, Consumer, Consumer)}, but a store refused with no last good
     * copy to serve instead (a first install with a broken store, or no store folder) is not served in part: the
     * verdict that refuses it on a reload refuses it here too, and the kiosk starts out of service (a team member
     * called on every press) instead of answering from a catalog cut in half, or not starting at all.
     */
    public static StoreState open(KioskModels models, Path store, KioskConfig config, Consumer<String> problems,
                                  Consumer<String> faults) {
        LastGoodStore lastGood = new LastGoodStore(models.paths().state());
        LastGoodStore.Judgement judgement = lastGood.judge(store, config.store().maxRejectedPercent());
        Consumer<String> fault = message -> {
            Logger.error(message);
            faults.accept(message);
        };
        Optional<KioskModels.LoadedPack> pack = models.pack(config.models().pack(), problems);
        if (judgement.verdict() instanceof StoreVerdict.Refused refused) {
            Optional<Path> copy = lastGood.folder().filter(folder -> lastGood.judge(folder,
                    config.store().maxRejectedPercent()).verdict() instanceof StoreVerdict.Sound);
            if (copy.isPresent()) {
                fault.accept("the store " + store + " is refused (" + refused.summary() + "); serving the last good "
                        + "copy from " + copy.get() + " until it is fixed (kioskctl check, then kioskctl reload)");
                return new StoreState.InService(StoreKiosk.open(copy.get(), models, problems, pack));
            }
            judgement.loaded().problems().forEach(problem -> problems.accept(problem.toString()));
            StoreState.OutOfService out = StoreState.OutOfService.store(store, refused.summary());
            fault.accept(out.description() + "; there is no last good copy in " + lastGood.copy());
            return out;
        }
        StoreKiosk kiosk = StoreKiosk.open(store, models, problems, pack);
        lastGood.remember(store, kiosk.knowledge());
        return new StoreState.InService(kiosk);
    }

    private static boolean sameSize(StoreKnowledge judged, StoreKnowledge opened) {
        return judged.products().size() == opened.products().size() && judged.faqs().size() == opened.faqs().size();
    }
}
