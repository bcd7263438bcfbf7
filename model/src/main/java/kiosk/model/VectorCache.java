package kiosk.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32C;

import org.tinylog.Logger;

/**
 * Sentence vectors kept on disk between runs, so that a restart with the same store and the same encoder reads the
 * store's product and FAQ vectors instead of running the encoder over every text again (the largest part of a cold
 * start: ~1,500 texts at a few milliseconds each).
 *
 * <p>One file per list of texts, named by the SHA-256 of the encoder's identity (a CRC-32C of its model and
 * tokenizer files, their sizes and the token limit) and of the exact texts in order: another store, a changed text or
 * another encoder is another key, hence a miss, and the texts are encoded again. The vectors are stored exactly as
 * the encoder made them (float32), so a hit returns the same bits.
 *
 * <p>Why a file of our own rather than the SQLite the journal uses: the whole list is read or written at once, by
 * key, never queried; a flat file is one read and a check, with no native library to load on the model module's
 * side. Layout (little-endian): magic {@code KVEC}, format version, the 32-byte key, count, dimension, the vectors row
 * by row, then a CRC-32C of all that. A file that is truncated, damaged or of another format is logged and encoded
 * again (and overwritten), never a failure; a folder that cannot be written only costs the speed-up.
 *
 * <p>The most recently used files are kept, up to {@value #KEPT_FILES} of them and {@value #KEPT_MEGABYTES} MB
 * together (the newest always): the current store's two lists, a reload's, other stores' and the technician tools'
 * (the journal's requests are encoded through the same encoder). A store's lists take well under 2 MB (a catalog
 * encoded at load has at most 1,000 products). Eight files were kept before: a run over the seven evaluated stores
 * (two lists each) pushed the kiosk's own store out, and its next start encoded ~550 texts again (the store step of
 * a cold start 1.8 s instead of 0.44 s, BENCHMARKS.md "Cold start: the store step").
 */
public final class VectorCache {

    static final int KEPT_FILES = 64;
    static final int KEPT_MEGABYTES = 64;
    private static final long KEPT_BYTES = KEPT_MEGABYTES * 1024L * 1024L;
    static final String SUFFIX = ".vectors";
    private static final int MAGIC = 0x4345564B; // "KVEC" read as little-endian bytes
    private static final int FORMAT = 1;
    private static final int HEADER = 4 + 4 + 32 + 4 + 4;

    private final Path folder;
    private final byte[] encoderIdentity;

    private VectorCache(Path folder, byte[] encoderIdentity) {
        this.folder = folder;
        this.encoderIdentity = encoderIdentity.clone();
    }

    /**
     * A cache in {@code folder} for the encoder whose files are {@code model} and {@code tokenizer}, truncating at
     * {@code maxTokens}: anything that changes the vectors is part of the key.
     */
    static VectorCache forEncoder(Path folder, Path model, Path tokenizer, int maxTokens) {
        ByteBuffer identity = ByteBuffer.allocate(4 * 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        identity.putLong(checksum(model)).putLong(size(model)).putLong(checksum(tokenizer)).putLong(size(tokenizer))
                .putInt(maxTokens);
        return new VectorCache(folder, Arrays.copyOf(identity.array(), identity.position()));
    }

    /** The vectors of {@code texts}: read from the cache, or made by {@code encode} and then kept. */
    float[][] vectors(List<String> texts, Function<List<String>, float[][]> encode) {
        if (texts.isEmpty()) {
            return encode.apply(texts);
        }
        byte[] key = key(texts);
        Path file = folder.resolve(HexFormat.of().formatHex(key, 0, 16) + SUFFIX);
        Optional<float[][]> cached = read(file, key, texts.size());
        if (cached.isPresent()) {
            touch(file);
            return cached.get();
        }
        long start = System.nanoTime();
        float[][] vectors = encode.apply(texts);
        write(file, key, vectors);
        Logger.info("encoded {} texts in {} ms; their vectors are kept in {} for the next start", texts.size(),
                (System.nanoTime() - start) / 1_000_000, file);
        return vectors;
    }

    /** The file's vectors if it is a complete, undamaged file for this exact key. */
    private Optional<float[][]> read(Path file, byte[] key, int count) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            Logger.warn("the cached vectors in {} cannot be read ({}); encoding the texts again", file, e.getMessage());
            return Optional.empty();
        }
        Optional<String> problem = problem(bytes, key, count);
        if (problem.isPresent()) {
            Logger.warn("the cached vectors in {} are unusable ({}); encoding the texts again", file, problem.get());
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dimension = buffer.getInt(HEADER - 4);
        buffer.position(HEADER);
        float[][] vectors = new float[count][dimension];
        var floats = buffer.asFloatBuffer();
        for (float[] vector : vectors) {
            floats.get(vector);
        }
        return Optional.of(vectors);
    }

    /** What is wrong with these bytes as the cache file of {@code key}, if anything. */
    private static Optional<String> problem(byte[] bytes, byte[] key, int count) {
        if (bytes.length < HEADER + 4) {
            return Optional.of("only " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) != MAGIC || buffer.getInt(4) != FORMAT) {
            return Optional.of("not a vector file of format " + FORMAT);
        }
        int storedCount = buffer.getInt(40);
        int dimension = buffer.getInt(44);
        long expected = HEADER + 4L * storedCount * dimension + 4;
        if (storedCount != count || dimension <= 0 || bytes.length != expected) {
            return Optional.of(storedCount + " vectors of " + dimension + " in " + bytes.length + " bytes, for "
                    + count + " texts");
        }
        if (!Arrays.equals(bytes, 8, 40, key, 0, 32)) {
            return Optional.of("made for other texts or another encoder");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            return Optional.of("its checksum does not match: the file is damaged");
        }
        return Optional.empty();
    }

    /** Writes the file whole under another name and moves it in place, so a reader never sees half a file. */
    private void write(Path file, byte[] key, float[][] vectors) {
        int dimension = vectors[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + 4 * vectors.length * dimension + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(FORMAT).put(key).putInt(vectors.length).putInt(dimension);
        for (float[] vector : vectors) {
            for (float value : vector) {
                buffer.putFloat(value);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            Files.write(partial, buffer.array());
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forgetOldFiles(file);
        } catch (IOException e) {
            Logger.warn("the vectors cannot be kept in {} ({}); the next start encodes the texts again", folder,
                    e.getMessage());
        }
    }

    /** Marks a file as just used, so that it is among those kept. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            Logger.debug("cannot mark {} as used: {}", file, e.getMessage());
        }
    }

    /** Lets the least recently used files go, oldest first, until the rest fit both bounds; never {@code newest}. */
    private void forgetOldFiles(Path newest) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        long bytes = files.stream().mapToLong(VectorCache::sizeOrZero).sum();
        List<Path> oldestFirst = files.stream().filter(f -> !f.equals(newest))
                .sorted(Comparator.comparing(VectorCache::modified)).toList();
        int kept = files.size();
        for (Path old : oldestFirst) {
            if (kept <= KEPT_FILES && bytes <= KEPT_BYTES) {
                break;
            }
            bytes -= sizeOrZero(old);
            Files.deleteIfExists(old);
            kept--;
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // gone meanwhile
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone or unreadable: first to go
        }
    }

    private byte[] key(List<String> texts) {
        MessageDigest digest = sha256();
        digest.update(encoderIdentity);
        ByteBuffer number = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        digest.update(number.putInt(0, texts.size()).array());
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            digest.update(number.putInt(0, utf8.length).array()); // the lengths keep ["ab","c"] apart from ["a","bc"]
            digest.update(utf8);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A CRC-32C of the whole file: the files are read anyway to load the model, and CRC-32C runs at memory speed,
     * where a cryptographic hash of the 23 MB model would add tens of milliseconds to every start. It only has to
     * tell a replaced model from the one the vectors were made with, not resist forgery.
     */
    private static long checksum(Path file) {
        CRC32C crc = new CRC32C();
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read > 0; read = in.read(chunk)) {
                crc.update(chunk, 0, read);
            }
        } catch (IOException e) {
            throw new ModelException("the encoder file " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
        return crc.getValue();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ModelException("the encoder file " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
    }
}
