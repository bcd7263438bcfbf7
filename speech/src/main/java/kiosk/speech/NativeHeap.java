package kiosk.speech;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.tinylog.Logger;

/**
 * glibc's malloc heap, where Vosk's (and ONNX Runtime's) native memory lives, through JNA (already loaded for Vosk):
 * giving its free pages back to the system.
 *
 * <p>Why: glibc keeps memory that native code freed inside its arenas, resident, unless asked with
 * {@code malloc_trim}; after a spoken turn ~15–25 MB of freed decoder state stays resident that way. On a C library
 * without it (musl) nothing is done.
 */
final class NativeHeap {

    private static final Function TRIM = function("malloc_trim");

    private NativeHeap() {
    }

    /**
     * Returns the heap's free pages to the system ({@code malloc_trim(0)}: every arena, not only the top of the
     * main one). 3–50 ms; call it between utterances, not per audio chunk.
     */
    static void trim() {
        if (TRIM != null) {
            TRIM.invokeInt(new Object[] {0});
        }
    }

    private static Function function(String name) {
        try {
            return NativeLibrary.getProcess().getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            Logger.debug("the C library has no {}: freed native memory stays with it", name);
            return null;
        }
    }
}
