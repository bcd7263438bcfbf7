package kiosk.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How wide the Vosk decoders search (Kaldi's {@code --min-active}, {@code --max-active}, {@code --beam},
 * {@code --lattice-beam}): the states kept per frame and how far below the best a hypothesis may fall. A narrower
 * search costs less CPU per audio second and expands fewer states, and so fills less of the free decoder's
 * lookahead-composition cache, at some risk of losing the right words. The model's own {@code conf/model.conf} says
 * 200 / 3000 / 10 / 2; the kiosk loads it with {@link #KIOSK}.
 *
 * <p>Vosk takes these only from {@code conf/model.conf} in the model folder (its API has no setter, and one setting
 * applies to every recognizer of a model), so {@link SpeechModel#load(Path, DecoderSearch)} loads the model through a
 * folder of links to the model's files with a {@code model.conf} of its own. That keeps the setting with the code that
 * was measured with it: the models package (kept apart so that a code update does not download it again) stays as
 * Vosk shipped it, and a checkout, a technician's {@code bin/kiosk} and the installed kiosk all search alike.
 *
 * @param minActive   the fewest states kept per frame
 * @param maxActive   the most states kept per frame
 * @param beam        how far (in log-likelihood) below the best a state may fall and still be kept
 * @param latticeBeam how far below the best a path may fall and still be kept in the lattice (the n-best readings)
 */
public record DecoderSearch(int minActive, int maxActive, double beam, double latticeBeam) {

    /** The model's own setting (vosk-model-en 0.3.45, conf/model.conf). */
    public static final DecoderSearch MODEL = new DecoderSearch(200, 3000, 10.0, 2.0);

    /**
     * The kiosk's setting: the model's own. Narrower searches were measured (BENCHMARKS.md, "Decoder search settings
     * for a Raspberry Pi"): the acoustic model's network, not the search, is most of the CPU, so they took at most
     * ~15 % of it off and lost store words in the spoken dev halves, and resident memory did not follow them.
     */
    public static final DecoderSearch KIOSK = new DecoderSearch(200, 3000, 10.0, 2.0);

    private static final String MODEL_CONF = "model.conf";

    public DecoderSearch {
        if (minActive < 1 || maxActive < minActive) {
            throw new IllegalArgumentException("the decoder search needs 1 <= min-active <= max-active, not "
                    + minActive + " and " + maxActive);
        }
        if (!(beam > 0) || !(latticeBeam > 0)) {
            throw new IllegalArgumentException("the decoder search's beam and lattice beam must be above 0, not "
                    + beam + " and " + latticeBeam);
        }
    }

    /**
     * Reads {@code max-active=1000,beam=8,lattice-beam=1} (keys left out keep {@link #KIOSK}'s values; the order is
     * free): for benchmarks that compare settings.
     *
     * @throws IllegalArgumentException naming what it could not read
     */
    public static DecoderSearch parse(String text) {
        int minActive = KIOSK.minActive;
        int maxActive = KIOSK.maxActive;
        double beam = KIOSK.beam;
        double latticeBeam = KIOSK.latticeBeam;
        for (String part : text.split(",")) {
            String[] keyValue = part.strip().split("=", 2);
            if (keyValue.length != 2) {
                throw new IllegalArgumentException("a decoder search is key=value, …, not '" + part.strip() + "'");
            }
            String value = keyValue[1].strip();
            try {
                switch (keyValue[0].strip().toLowerCase(Locale.ROOT)) {
                    case "min-active" -> minActive = Integer.parseInt(value);
                    case "max-active" -> maxActive = Integer.parseInt(value);
                    case "beam" -> beam = Double.parseDouble(value);
                    case "lattice-beam" -> latticeBeam = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("a decoder search knows min-active, max-active, "
                            + "beam and lattice-beam, not '" + keyValue[0].strip() + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number in '" + part.strip() + "'", e);
            }
        }
        return new DecoderSearch(minActive, maxActive, beam, latticeBeam);
    }

    /**
     * The setting a Kaldi config file gives (the last line of a key counts, as when Kaldi reads it), for a key it
     * leaves out Kaldi's own default (200, 7000, 16, 10: {@code LatticeFasterDecoderConfig}).
     */
    public static DecoderSearch readConf(Path conf) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(conf)) {
                String setting = line.strip();
                if (setting.startsWith("--") && setting.contains("=")) {
                    values.put(setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DecoderSearch(Integer.parseInt(values.getOrDefault("min-active", "200")),
                Integer.parseInt(values.getOrDefault("max-active", "7000")),
                Double.parseDouble(values.getOrDefault("beam", "16")),
                Double.parseDouble(values.getOrDefault("lattice-beam", "10")));
    }

    /** As {@link #parse} writes it. */
    @Override
    public String toString() {
        return "min-active=" + minActive + ",max-active=" + maxActive + ",beam=" + beam + ",lattice-beam="
                + latticeBeam;
    }

    /**
     * A folder Vosk can load {@code model} from with this search: links to the model's parts, and a {@code conf/}
     * whose {@code model.conf} is the model's with the four search lines replaced (its other lines, the endpointing
     * and frame subsampling, kept). Empty when the model's conf already says this. Vosk reads every file while the
     * model loads, so the caller deletes the folder ({@link #deleteOverlay}) right after.
     */
    Optional<Path> overlay(Path model) throws IOException {
        Path original = model.toAbsolutePath();
        if (readConf(original.resolve("conf").resolve(MODEL_CONF)).equals(this)) {
            return Optional.empty();
        }
        Path overlay = Files.createTempDirectory("kiosk-vosk-model-");
        try {
            Files.createDirectory(overlay.resolve("conf"));
            try (Stream<Path> parts = Files.list(original)) {
                for (Path part : parts.filter(part -> !part.getFileName().toString().equals("conf")).toList()) {
                    Files.createSymbolicLink(overlay.resolve(part.getFileName().toString()), part);
                }
            }
            try (Stream<Path> parts = Files.list(original.resolve("conf"))) {
                for (Path part : parts.filter(part -> !part.getFileName().toString().equals(MODEL_CONF)).toList()) {
                    Files.createSymbolicLink(overlay.resolve("conf").resolve(part.getFileName().toString()), part);
                }
            }
            List<String> conf = new ArrayList<>();
            for (String line : Files.readAllLines(original.resolve("conf").resolve(MODEL_CONF))) {
                if (!isSearchLine(line)) {
                    conf.add(line);
                }
            }
            conf.add("--min-active=" + minActive);
            conf.add("--max-active=" + maxActive);
            conf.add("--beam=" + beam);
            conf.add("--lattice-beam=" + latticeBeam);
            Files.write(overlay.resolve("conf").resolve(MODEL_CONF), conf);
            return Optional.of(overlay);
        } catch (IOException | RuntimeException e) {
            deleteOverlay(overlay);
            throw e;
        }
    }

    private static boolean isSearchLine(String line) {
        String setting = line.strip();
        return Stream.of("--min-active=", "--max-active=", "--beam=", "--lattice-beam=").anyMatch(setting::startsWith);
    }

    /** Deletes an {@link #overlay} folder: its links, not what they point at. */
    static void deleteOverlay(Path overlay) throws IOException {
        try (Stream<Path> paths = Files.walk(overlay)) {
            // Files.walk does not follow links: the model's own files are never reached
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
