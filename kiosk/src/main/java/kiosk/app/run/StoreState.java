package kiosk.app.run;

import java.nio.file.Path;

import kiosk.app.voice.StoreKiosk;

/**
 * What a running kiosk answers from: a store's knowledge, or none at all (out of service) and why. A kiosk starts out
 * of service only when its store is refused and there is no last good copy to serve instead (a first install with a
 * broken store, or no store folder at all): it still starts, so systemd does not restart it in a loop, says so in
 * {@code kioskctl status}, and a reload that finds the store sound brings it into service.
 */
public sealed interface StoreState {

    /** A store's knowledge serves shoppers. */
    record InService(StoreKiosk kiosk) implements StoreState {
    }

    /**
     * No knowledge: {@code folder} was refused for {@code reason} (each problem as {@code file:line: reason}). A press
     * of the talk button gets {@link #SENTENCE} and a team member is called instead of listening.
     */
    record OutOfService(Path folder, String reason) implements StoreState {

        /** What a shopper who presses the talk button hears, while a team member is called. */
        public static final String SENTENCE = "Sorry, I can't answer questions right now. I'll call a team member.";

        /** The display's top line while the kiosk is out of service (16 characters fit the smallest LCD). */
        public static final String DISPLAY = "Out of service";

        /** For {@code kioskctl status}, the log and systemd's status line. */
        public String description() {
            return "out of service: the store " + folder + " is refused (" + reason + "); every press of the talk "
                    + "button calls a team member until the store is fixed (kioskctl check, then kioskctl reload)";
        }
    }
}
