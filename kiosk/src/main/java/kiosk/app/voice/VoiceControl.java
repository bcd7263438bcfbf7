package kiosk.app.voice;

import kiosk.speech.VoiceSettings;

/** The kiosk's voice as a shopper's spoken commands change it ("louder", "quieter", "slower"). */
@FunctionalInterface
public interface VoiceControl {

    /** Applies the change to the replies from now on; false when the voice is at that bound already. */
    boolean adjust(VoiceSettings.Change change);
}
