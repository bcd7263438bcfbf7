package kiosk.speech;

import java.nio.file.Path;
import java.util.Map;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import org.tinylog.Logger;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Finds and loads the native Vosk library once, and says plainly when it is missing.
 *
 * <p>JNA looks on {@code jna.library.path} and the system paths, then extracts the copy inside the Vosk jar, which
 * exists only for x86-64 Linux (and macOS, Windows). A Raspberry Pi needs the official linux-aarch64 build installed
 * beside the kiosk; {@link #useLibraryFolder(Path)} points JNA there.
 */
public final class VoskNatives {

    private static volatile boolean loaded;
    private static Function findWord;

    private VoskNatives() {
    }

    /** Makes JNA look in {@code folder} first; call before the first model loads. */
    public static synchronized void useLibraryFolder(Path folder) {
        String current = System.getProperty("jna.library.path", "");
        System.setProperty("jna.library.path", current.isEmpty() ? folder.toString() : folder + ":" + current);
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            // The same options as the binding's Native.register, so JNA hands back its cached library: a second
            // handle to libvosk would be unloaded twice at exit ("double free detected").
            findWord = NativeLibrary.getInstance("vosk",
                            Map.of(Library.OPTION_CLASSLOADER, LibVosk.class.getClassLoader()))
                    .getFunction("vosk_model_find_word");
            loaded = true;
            Logger.debug("native Vosk library loaded");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new SpeechException("the native speech library libvosk.so was not found for "
                    + System.getProperty("os.arch") + " (looked in jna.library.path="
                    + System.getProperty("jna.library.path", "(unset)") + ", the system library paths and the vosk jar, "
                    + "which carries x86-64 Linux only); on a Raspberry Pi install libvosk.so from the official Vosk "
                    + "linux-aarch64 release into /usr/lib/kiosk (or the configured native library folder).", e);
        }
    }

    /** The model's index of the word, or -1 when the model's vocabulary lacks it. */
    static int findWord(Model model, String word) {
        load();
        return findWord.invokeInt(new Object[] {model.getPointer(), word});
    }
}
