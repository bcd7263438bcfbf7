package kiosk.app.run;

import kiosk.app.config.KioskConfig;
import kiosk.app.voice.StoreKiosk;
import kiosk.app.voice.VoiceTurns;

/**
 * What the kiosk serves with: the settings, the store's knowledge and its voice pipeline (recognition biased toward
 * the store's words and commands). Replaced as a whole by a reload, so a reader never sees half of one.
 */
record Serving(KioskConfig config, StoreKiosk kiosk, VoiceTurns voice) {

    static Serving of(KioskConfig config, StoreKiosk kiosk) {
        return new Serving(config, kiosk, kiosk.voiceTurns());
    }
}
