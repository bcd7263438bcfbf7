package kiosk.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.store.Problem;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;

/** Reads the configuration file and the store it names again, for a running kiosk's reload. */
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
            return new ReloadOutcome.Refused(result.problems().stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")));
        }
        KioskConfig config = result.config().get();
        Path store = storeOverride.orElse(config.store().folder());
        List<String> problems = new ArrayList<>();
        try {
            StoreKiosk kiosk = StoreKiosk.open(store, models, problems::add,
                    models.pack(config.models().pack(), problems::add));
            return new ReloadOutcome.Loaded(config, kiosk, problems);
        } catch (StoreKiosk.KnowledgeUnavailableException e) {
            problems.add(e.getMessage());
            return new ReloadOutcome.Refused(String.join("; ", problems));
        }
    }
}
