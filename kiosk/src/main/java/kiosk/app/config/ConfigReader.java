package kiosk.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kiosk.app.store.DidYouMean;
import kiosk.app.store.Problem;
import kiosk.app.store.TextFile;
import kiosk.app.store.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads and validates {@code kiosk.conf}: YAML with one mapping per section. Every unknown key (with the closest
 * known one), wrong type and out-of-range value is a {@link Problem} with file and line; a file with any problem
 * gives no configuration, so the caller keeps the last good one (or refuses to start).
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    /** The file and line that set a key (a clash between two keys is reported where the later one is set). */
    private record SetAt(Path file, int line) {
    }

    /** The configuration in {@code file}, or the problems that stop it from being used. */
    public record Result(Optional<KioskConfig> config, List<Problem> problems) {
    }

    /** The drop-in folder beside {@code file}: {@code kiosk.conf.d/} for {@code kiosk.conf}. */
    public static Path dropInFolder(Path file) {
        return file.resolveSibling(file.getFileName() + ".d");
    }

    /**
     * Reads {@code file}, then the {@code *.conf} drop-ins of {@link #dropInFolder} in name order, each setting keys
     * over the ones before; no file at all gives the defaults (a kiosk runs without one).
     */
    public static Result read(Path file) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, String> texts = texts(file, problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return texts.isEmpty() ? new Result(Optional.of(KioskConfig.defaults(file)), List.of()) : read(file, texts);
    }

    /**
     * The text of every file that makes {@code file}'s configuration, in the order they are read: {@code file} when
     * it exists, then its drop-ins in name order (empty: the defaults). A file that cannot be read is a problem.
     */
    static Map<Path, String> texts(Path file, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        if (Files.exists(file)) {
            files.add(file);
        }
        Path dropIns = dropInFolder(file);
        if (Files.isDirectory(dropIns)) {
            try (java.util.stream.Stream<Path> listed = Files.list(dropIns)) {
                listed.filter(path -> path.getFileName().toString().endsWith(".conf")).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                problems.add(new Problem(dropIns, 0, "cannot be listed: " + e.getMessage()));
            }
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path each : files) {
            TextFile.read(each, true, problems).ifPresent(text -> texts.put(each, text));
        }
        return texts;
    }

    /** Reads {@code text} as if it were {@code file}'s content (relative paths are taken from its folder). */
    public static Result read(Path file, String text) {
        return read(file, Map.of(file, text));
    }

    /**
     * Reads {@code texts} in order over the defaults, as the configuration of {@code file}; each text is named by the
     * file it is (or stands for), so a problem names that file.
     */
    static Result read(Path file, Map<Path, String> texts) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        KioskConfig.KEYS.forEach(key -> values.put(key.path(), key.defaultValue()));
        Map<String, SetAt> lines = new java.util.HashMap<>();
        texts.forEach((source, text) -> readOne(source, text, values, lines, problems));
        checkPins(List.copyOf(texts.keySet()), values, lines, problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(KioskConfig.of(file, values)), problems);
    }

    /** Sets {@code values} from one file's sections; every mistake is a problem naming that file. */
    private static void readOne(Path file, String text, Map<String, Object> values, Map<String, SetAt> lines,
                                List<Problem> problems) {
        Optional<Node> root = YamlNodes.parse(file, text, problems);
        if (root.isEmpty()) {
            return;
        }
        Optional<MappingNode> sections = YamlNodes.mapping(root.get());
        if (sections.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(root.get()), "must be sections (store:, audio:, panel:, "
                    + "…) with their keys under them"));
            return;
        }
        Set<String> sectionNames = new LinkedHashSet<>();
        KioskConfig.KEYS.forEach(key -> sectionNames.add(key.section()));
        Map<String, Integer> seenSections = new java.util.HashMap<>();
        for (NodeTuple section : sections.get().getValue()) {
            String name = YamlNodes.scalar(section.getKeyNode()).orElse("");
            int line = YamlNodes.line(section.getKeyNode());
            Integer first = seenSections.putIfAbsent(name, line);
            if (first != null) {
                problems.add(new Problem(file, line, "section '" + name + "' appears again (first on line " + first
                        + "); put its keys under one '" + name + ":'"));
                continue;
            }
            if (!sectionNames.contains(name)) {
                problems.add(new Problem(file, line, "unknown section '" + name + "'"
                        + DidYouMean.hint(name, sectionNames) + "; the sections are " + String.join(", ",
                        sectionNames)));
                continue;
            }
            Optional<MappingNode> keys = YamlNodes.mapping(section.getValueNode());
            if (keys.isEmpty()) {
                problems.add(new Problem(file, line, "section '" + name + "' must hold keys, one per line, "
                        + "indented under it"));
                continue;
            }
            readSection(file, name, keys.get(), values, lines, problems);
        }
    }

    /**
     * Two parts wired to one GPIO pin cannot both work: the key set last (in the file and line that set it, a drop-in
     * or the main file; {@code order} is the order the files are read in) is the one to fix.
     */
    private static void checkPins(List<Path> order, Map<String, Object> values, Map<String, SetAt> setAt,
                                  List<Problem> problems) {
        Map<Integer, String> owners = new java.util.HashMap<>();
        KioskConfig.KEYS.stream().filter(key -> key.kind() instanceof ConfigKey.PinOrNone)
                .sorted(java.util.Comparator.comparing((ConfigKey key) -> Optional.ofNullable(setAt.get(key.path()))
                                .map(where -> order.indexOf(where.file())).orElse(-1))
                        .thenComparingInt(key -> Optional.ofNullable(setAt.get(key.path())).map(SetAt::line)
                                .orElse(0)))
                .forEach(key -> {
                    int pin = (Integer) values.get(key.path());
                    String other = pin < 0 ? null : owners.putIfAbsent(pin, key.path());
                    SetAt where = setAt.get(key.path());
                    if (other != null && where != null) {
                        problems.add(new Problem(where.file(), where.line(), "'" + key.path() + "' is GPIO " + pin
                                + ", which '" + other + "' already uses"));
                    }
                });
    }

    private static void readSection(Path file, String section, MappingNode keys, Map<String, Object> values,
                                    Map<String, SetAt> lines, List<Problem> problems) {
        List<String> known = KioskConfig.KEYS.stream().filter(key -> key.section().equals(section))
                .map(ConfigKey::name).toList();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (NodeTuple entry : keys.getValue()) {
            String name = YamlNodes.scalar(entry.getKeyNode()).orElse("");
            int line = YamlNodes.line(entry.getKeyNode());
            Integer first = seen.putIfAbsent(name, line);
            if (first != null) {
                problems.add(new Problem(file, line, "'" + section + "." + name + "' is set again (first on line "
                        + first + "); keep one"));
                continue;
            }
            Optional<ConfigKey> key = KioskConfig.KEYS.stream()
                    .filter(candidate -> candidate.section().equals(section) && candidate.name().equals(name))
                    .findFirst();
            if (key.isEmpty()) {
                problems.add(new Problem(file, line, "unknown key '" + name + "' in section '" + section + "'"
                        + DidYouMean.hint(name, known) + "; its keys are " + String.join(", ", known)));
                continue;
            }
            Optional<String> raw = YamlNodes.scalar(entry.getValueNode());
            if (raw.isEmpty()) {
                problems.add(new Problem(file, line, "'" + key.get().path() + "' must be a single value"));
                continue;
            }
            StringBuilder why = new StringBuilder();
            Optional<Object> value = key.get().kind().read(raw.get(), why);
            if (value.isPresent()) {
                values.put(key.get().path(), value.get());
                lines.put(key.get().path(), new SetAt(file, line));
            } else {
                problems.add(new Problem(file, line, "'" + key.get().path() + "' " + why));
            }
        }
    }
}
