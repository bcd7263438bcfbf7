package kiosk.app.store;

import java.io.IOException;
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
 * Reads a store file as UTF-8, line by line, so that one line written in another encoding (a spreadsheet export
 * in Windows-1252) is reported with its number and still read, as Latin-1, instead of failing the whole file.
 */
public final class TextFile {

    private TextFile() {
    }

    /** The file's text, or empty with a problem when it is missing, unreadable or empty. */
    public static Optional<String> read(Path file, boolean required, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (required) {
                problems.add(new Problem(file, 0, "missing; expected this file in the store folder"));
            }
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        if (bytes.length == 0) {
            problems.add(new Problem(file, 0, "is empty (0 bytes)"));
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
