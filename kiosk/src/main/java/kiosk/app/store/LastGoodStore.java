package kiosk.app.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.tinylog.Logger;

/**
 * A copy of the last store folder that served, kept in the state folder (as {@code kiosk.conf} is, see
 * {@code LastGoodConfig}): a kiosk restarted after a technician saved a broken store starts with this copy instead
 * of refusing to start (and being restarted by systemd in a loop), and a new store is compared with its counts.
 */
public final class LastGoodStore {

    static final String FOLDER = "last-good-store";
    private static final String COUNTS = "counts.properties";
    private static final List<String> FILES = List.of("store.yaml", "catalog.csv", "faq.yaml");

    private final Path copy;

    public LastGoodStore(Path stateFolder) {
        this.copy = stateFolder.resolve(FOLDER);
    }

    /** What the kiosk thinks of a store folder: what loaded and whether it may serve. */
    public record Judgement(LoadResult loaded, StoreVerdict verdict) {
    }

    /**
     * Loads {@code folder} and judges it against the last good copy: the one verdict {@code kioskctl check}, a reload
     * and a start share.
     */
    public Judgement judge(Path folder, int maxRejectedPercent) {
        LoadResult loaded = StoreLoader.load(folder);
        Optional<StoreVerdict.Counts> lastGood = folder.toAbsolutePath().normalize()
                .equals(copy.toAbsolutePath().normalize()) ? Optional.empty() : counts();
        return new Judgement(loaded, StoreVerdict.judge(loaded, maxRejectedPercent, lastGood));
    }

    /** Keeps a copy of {@code folder}, which has just been judged sound and now serves {@code knowledge}. */
    public void remember(Path folder, StoreKnowledge knowledge) {
        if (folder.toAbsolutePath().normalize().equals(copy.toAbsolutePath().normalize())) {
            return;
        }
        Path temporary = copy.resolveSibling(FOLDER + ".tmp");
        Path old = copy.resolveSibling(FOLDER + ".old");
        try {
            Folders.deleteTree(temporary);
            Files.createDirectories(temporary.resolve("contexts"));
            for (String name : FILES) {
                copyFile(folder.resolve(name), temporary.resolve(name));
            }
            Path contexts = folder.resolve("contexts");
            if (Files.isDirectory(contexts)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(contexts, "*.yaml")) {
                    for (Path file : files) {
                        copyFile(file, temporary.resolve("contexts").resolve(file.getFileName().toString()));
                    }
                }
            }
            Properties counts = new Properties();
            counts.setProperty("products", Integer.toString(knowledge.products().size()));
            counts.setProperty("faq_entries", Integer.toString(knowledge.faqs().size()));
            counts.setProperty("from", folder.toAbsolutePath().toString());
            counts.setProperty("name", knowledge.name());
            try (Writer out = Files.newBufferedWriter(temporary.resolve(COUNTS))) {
                counts.store(out, "the store that served last; kept by the kiosk, do not edit");
            }
            Folders.deleteTree(old);
            if (Files.exists(copy)) {
                Files.move(copy, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
            Folders.deleteTree(old);
        } catch (IOException | RuntimeException e) {
            Logger.warn("cannot keep a copy of the store {} in {}: {}", folder, copy, e.getMessage());
        }
    }

    /** Only ordinary files of at most the size the loader reads are copied: the copy must load as the original did. */
    private static void copyFile(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from) && Files.size(from) <= TextFile.MAX_CSV_BYTES) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The folder of the copy, when there is one (it loads like any store folder). */
    public Optional<Path> folder() {
        return Files.isRegularFile(copy.resolve(COUNTS)) ? Optional.of(copy) : Optional.empty();
    }

    /** The products and FAQ entries of the last store that served. */
    public Optional<StoreVerdict.Counts> counts() {
        Path file = copy.resolve(COUNTS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties counts = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            counts.load(in);
            return Optional.of(new StoreVerdict.Counts(counts.getProperty("name", ""),
                    Integer.parseInt(counts.getProperty("products", "0")),
                    Integer.parseInt(counts.getProperty("faq_entries", "0"))));
        } catch (IOException | NumberFormatException e) {
            Logger.warn("cannot read {} ({}); new stores are not compared with the last good one", file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    public Path copy() {
        return copy;
    }
}
