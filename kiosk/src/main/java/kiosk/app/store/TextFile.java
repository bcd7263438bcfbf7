package kiosk.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a store or settings file as UTF-8, line by line, so that one line written in another encoding (a spreadsheet
 * export in Windows-1252) is reported with its number and still read, as Latin-1, instead of failing the whole file.
 *
 * <p>Only an ordinary file of at most a given size is read: a FIFO would block the reader (and a reload) until
 * someone writes to it, and a huge file would fill the memory before a line of it is checked. A file holding NUL
 * bytes (UTF-16, a spreadsheet saved in its own format, random bytes) is refused whole: read as Latin-1 it would
 * turn into rows of garbage instead of a clear "save it as UTF-8".
 */
public final class TextFile {

    /** The largest YAML file the kiosk reads (store.yaml, faq.yaml, kiosk.conf, command contexts). */
    public static final long MAX_YAML_BYTES = 2L * 1024 * 1024;
    /** The largest catalog.csv: 100,000 products of a few hundred characters each. */
    public static final long MAX_CSV_BYTES = 32L * 1024 * 1024;

    private TextFile() {
    }

    /** As {@link #read(Path, boolean, long, List)} with the YAML size limit. */
    public static Optional<String> read(Path file, boolean required, List<Problem> problems) {
        return read(file, required, MAX_YAML_BYTES, problems);
    }

    /**
     * The file's text, or empty with one problem when it is missing (and {@code required}), not an ordinary file,
     * larger than {@code maxBytes}, unreadable, empty or not text.
     */
    public static Optional<String> read(Path file, boolean required, long maxBytes, List<Problem> problems) {
        Optional<byte[]> read = readBytes(file, required, maxBytes, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = read.get();
        Optional<String> notText = notText(bytes);
        if (notText.isPresent()) {
            problems.add(new Problem(file, 0, notText.get() + "; save it as UTF-8 text"));
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(bytes.length);
        int lineNumber = 1;
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = Math.min(bytes.length, end + 1);
            text.append(decode(bytes, start, stop, file, lineNumber, problems));
            start = stop;
            lineNumber++;
        }
        return Optional.of(text.toString());
    }

    /** The bytes of an ordinary file of at most {@code maxBytes}, read without waiting on anything else. */
    private static Optional<byte[]> readBytes(Path file, boolean required, long maxBytes, List<Problem> problems) {
        if (!Files.exists(file)) {
            if (required) {
                problems.add(new Problem(file, 0, "missing; expected this file in the store folder"));
            }
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, 0, "is not an ordinary file (a folder, FIFO or device); it is not read"));
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.add(new Problem(file, 0, "is " + megabytes(size) + "; the kiosk reads files of at most "
                        + megabytes(maxBytes)));
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) maxBytes + 1); // the file may have grown since its size was read
            }
            if (bytes.length > maxBytes) {
                problems.add(new Problem(file, 0, "grew beyond " + megabytes(maxBytes) + " while it was read"));
                return Optional.empty();
            }
            if (bytes.length == 0) {
                problems.add(new Problem(file, 0, "is empty (0 bytes)"));
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, 0, "disappeared while it was read"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Why the bytes are not UTF-8 text, if they are not: a UTF-16 or UTF-32 byte-order mark, or NUL bytes. */
    static Optional<String> notText(byte[] bytes) {
        int b0 = bytes.length > 0 ? bytes[0] & 0xFF : -1;
        int b1 = bytes.length > 1 ? bytes[1] & 0xFF : -1;
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
            return Optional.of("is encoded as UTF-16 (or UTF-32), not UTF-8");
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.of("holds NUL bytes: it is UTF-16 or binary, not UTF-8 text");
            }
        }
        return Optional.empty();
    }

    static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
                : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String decode(byte[] bytes, int from, int to, Path file, int line, List<Problem> problems) {
        ByteBuffer slice = ByteBuffer.wrap(bytes, from, to - from);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, line, "is not valid UTF-8; read as Latin-1 — save the file as UTF-8"));
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
