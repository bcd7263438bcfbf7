package kiosk.speech;

import java.util.List;
import java.util.OptionalLong;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import org.tinylog.Logger;

/**
 * glibc's malloc heap, where Vosk's (and ONNX Runtime's) native memory lives, through JNA (already loaded for Vosk):
 * how much of it is in use, and giving its free pages back to the system.
 *
 * <p>Why: glibc keeps memory that native code freed inside its arenas, resident, unless asked with
 * {@code malloc_trim}; after a spoken turn ~15–25 MB of freed decoder state stays resident that way. On a C library
 * without these functions (musl, glibc before 2.33 for {@code mallinfo2}) both do nothing.
 */
final class NativeHeap {

    private static final Function TRIM = function("malloc_trim");
    private static final Function INFO = function("mallinfo2");

    private NativeHeap() {
    }

    /**
     * Returns the heap's free pages to the system ({@code malloc_trim(0)}: every arena, not only the top of the
     * main one). A few milliseconds; call it between utterances, not per audio chunk.
     */
    static void trim() {
        if (TRIM != null) {
            TRIM.invokeInt(new Object[] {0});
        }
    }

    /** Bytes handed out by malloc and not freed yet (in the arenas and in blocks mapped on their own). */
    static OptionalLong inUse() {
        if (INFO == null) {
            return OptionalLong.empty();
        }
        MallInfo2 info = (MallInfo2) INFO.invoke(MallInfo2.class, new Object[0]);
        return OptionalLong.of(info.uordblks + info.hblkhd);
    }

    private static Function function(String name) {
        try {
            return NativeLibrary.getProcess().getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            Logger.debug("the C library has no {}: native memory is neither measured nor trimmed", name);
            return null;
        }
    }

    /** glibc's {@code struct mallinfo2} (all {@code size_t}), returned by value. */
    public static final class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                    "fordblks", "keepcost");
        }
    }
}
