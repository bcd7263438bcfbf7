package kiosk.speech;

import java.util.concurrent.atomic.AtomicReference;

/**
 * For the kiosk's tests: a real kevin16 synthesizer with a fault where FreeTTS outputs audio, through the synthesizer's
 * package-private test seam (this class shares its package, not its module).
 */
public final class FreeTtsFaults {

    private FreeTtsFaults() {
    }

    /** A synthesizer whose FreeTTS output step throws {@code fault} the first time it writes audio, then never. */
    public static FreeTtsSynthesizer failingOnceInOutput(RuntimeException fault) {
        AtomicReference<RuntimeException> armed = new AtomicReference<>(fault);
        return FreeTtsSynthesizer.open(VoiceSettings.at(VoiceSettings.DEFAULT_LEVEL_DBFS), piece -> {
            RuntimeException once = armed.getAndSet(null);
            if (once != null) {
                throw once;
            }
        });
    }
}
