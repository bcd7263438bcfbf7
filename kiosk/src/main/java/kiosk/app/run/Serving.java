package kiosk.app.run;

import java.util.Optional;

import kiosk.app.config.KioskConfig;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;
import kiosk.speech.RecognizerOptions;

/**
 * What the kiosk serves with: the settings, the store's knowledge (or none: out of service) and its voice pipeline
 * (recognition biased toward the store's words and commands). Replaced as a whole by a reload, so a reader never sees
 * half of one.
 */
record Serving(KioskConfig config, StoreState store, VoiceTurns voice) {

    static Serving of(KioskConfig config, StoreKiosk kiosk) {
        return new Serving(config, new StoreState.InService(kiosk), kiosk.voiceTurns());
    }

    /** Out of service the voice only speaks (a press does not listen), so it needs no store's words. */
    static Serving of(KioskConfig config, StoreState store, KioskModels models) {
        return store instanceof StoreState.InService serves ? of(config, serves.kiosk())
                : new Serving(config, store, new VoiceTurns(models.speechModel(), models.synthesizer(),
                        RecognizerOptions.free()));
    }

    /** The store's knowledge and commands, unless the kiosk is out of service. */
    Optional<StoreKiosk> kiosk() {
        return store instanceof StoreState.InService serves ? Optional.of(serves.kiosk()) : Optional.empty();
    }

    Optional<StoreState.OutOfService> outOfService() {
        return store instanceof StoreState.OutOfService out ? Optional.of(out) : Optional.empty();
    }

    /** The display's top line between shoppers: the store's greeting, or that the kiosk is out of service. */
    String greeting() {
        return kiosk().map(kiosk -> kiosk.knowledge().greeting()).orElse(StoreState.OutOfService.DISPLAY);
    }

    /** What serves, for systemd's status line and the log. */
    String description() {
        return kiosk().map(kiosk -> "serving " + kiosk.knowledge().name())
                .orElseGet(() -> outOfService().orElseThrow().description());
    }
}
