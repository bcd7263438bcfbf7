package kiosk.app.run;

import java.util.List;

import kiosk.app.config.KioskConfig;
import kiosk.app.voice.StoreKiosk;

/** What reading the configuration and the store knowledge again gave: something to serve, or why not. */
public sealed interface ReloadOutcome {

    /** New settings and knowledge, with what the technician should know (store file problems, restart needs). */
    record Loaded(KioskConfig config, StoreKiosk kiosk, List<String> notes) implements ReloadOutcome {
    }

    /**
     * Nothing changed: the last good configuration and knowledge keep serving. {@code refusal}: the store folder or
     * the settings that were refused, and why (a kiosk out of service shows the latest reason in
     * {@code kioskctl status}).
     */
    record Refused(String reason, java.util.Optional<StoreState.OutOfService> refusal) implements ReloadOutcome {

        public Refused(String reason) {
            this(reason, java.util.Optional.empty());
        }
    }
}
