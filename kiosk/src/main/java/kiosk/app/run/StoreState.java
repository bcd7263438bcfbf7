package kiosk.app.run;

import java.nio.file.Path;

import kiosk.app.voice.StoreKiosk;

/**
 * What a running kiosk answers from: a store's knowledge, or none at all (out of service) and why. A kiosk starts out
 * of service only when its store (or its settings) are refused and there is no last good copy to serve instead (a
 * first install with a broken store, no store folder at all, or a broken {@code kiosk.conf}): it still starts, so
 * systemd does not restart it in a loop, says so in {@code kioskctl status}, and a reload that finds the files sound
 * brings it into service.
 */
public sealed interface StoreState {

    /** A store's knowledge serves shoppers. */
    record InService(StoreKiosk kiosk) implements StoreState {
    }

    /**
     * No knowledge: {@code path} (the store folder, or the configuration file that names it) was refused for
     * {@code reason} (each problem as {@code file:line: reason}). A press of the talk button gets {@link #SENTENCE}
     * and a team member is called instead of listening.
     */
    record OutOfService(Refused what, Path path, String reason) implements StoreState {

        /** The store folder was refused; nothing of it serves. */
        public static OutOfService store(Path folder, String reason) {
            return new OutOfService(Refused.STORE, folder, reason);
        }

        /** The settings were refused, so the store they name is not known either. */
        public static OutOfService settings(Path file, String reason) {
            return new OutOfService(Refused.SETTINGS, file, reason);
        }

        /** What a shopper who presses the talk button hears, while a team member is called. */
        public static final String SENTENCE = "Sorry, I can't answer questions right now. I'll call a team member.";

        /** The display's top line while the kiosk is out of service (16 characters fit the smallest LCD). */
        public static final String DISPLAY = "Out of service";

        /** For {@code kioskctl status}, the log and systemd's status line. */
        public String description() {
            boolean store = what == Refused.STORE;
            return "out of service: " + (store ? "the store " + path + " is" : "the settings " + path + " are")
                    + " refused (" + reason + "); every press of the talk button calls a team member until "
                    + (store ? "the store is" : "they are") + " fixed (kioskctl check, then kioskctl reload)";
        }
    }

    /** What was refused: the store's files, or the settings (so the kiosk does not know which store to serve). */
    enum Refused { STORE, SETTINGS }
}
