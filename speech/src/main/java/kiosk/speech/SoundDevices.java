package kiosk.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;

/** Finds Java Sound lines by device name, and names the devices there are when the wanted one is missing. */
final class SoundDevices {

    private SoundDevices() {
    }

    static javax.sound.sampled.AudioFormat javaFormat() {
        return new javax.sound.sampled.AudioFormat(AudioFormat.SPEECH.sampleRate(), 16, 1, true, false);
    }

    /** Opens a line of the given class ({@code TargetDataLine} to record, {@code SourceDataLine} to play). */
    static <T extends Line> T open(Class<T> kind, Optional<String> deviceName, String what) {
        DataLine.Info info = new DataLine.Info(kind, javaFormat());
        List<String> names = new ArrayList<>();
        for (Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(mixerInfo);
            if (!mixer.isLineSupported(info)) {
                continue;
            }
            names.add(mixerInfo.getName());
            if (deviceName.isEmpty() || mixerInfo.getName().contains(deviceName.get())) {
                try {
                    return kind.cast(mixer.getLine(info));
                } catch (LineUnavailableException | IllegalArgumentException e) {
                    throw new AudioException("the " + what + " \"" + mixerInfo.getName() + "\" cannot be opened: "
                            + e.getMessage() + ".", e);
                }
            }
        }
        if (names.isEmpty()) {
            throw new AudioException("there is no " + what + " on this machine (no sound device takes 16 kHz mono "
                    + "16-bit audio).");
        }
        throw new AudioException("no " + what + " named \"" + deviceName.orElse("") + "\"; available: "
                + String.join(", ", names) + ".");
    }
}
