package kiosk.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a store folder: {@code store.yaml}, {@code catalog.csv} and {@code faq.yaml}. Every bad key or row is
 * reported with file, line and reason and skipped; the rest loads. Only a folder without a usable {@code store.yaml}
 * or any product or FAQ yields no knowledge, so the caller keeps its last good knowledge serving.
 */
public final class StoreLoader {

    static final List<String> STORE_KEYS = List.of("name", "greeting", "hours", "phone", "address", "departments",
            "staff_call", "holidays");
    static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private StoreLoader() {
    }

    public static LoadResult load(Path folder) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder, 0, "is not a folder; expected a store folder with store.yaml, "
                    + "catalog.csv and faq.yaml"));
            return new LoadResult(Optional.empty(), problems);
        }
        Path storeFile = folder.resolve("store.yaml");
        Optional<StoreHeader> header = TextFile.read(storeFile, true, problems)
                .flatMap(text -> YamlNodes.parse(storeFile, text, problems))
                .flatMap(root -> readHeader(storeFile, root, problems));
        List<Product> products = CatalogReader.read(folder.resolve("catalog.csv"), problems);
        List<FaqEntry> faqs = FaqReader.read(folder.resolve("faq.yaml"), problems);
        if (header.isEmpty() || products.isEmpty() && faqs.isEmpty()) {
            problems.add(new Problem(folder, 0, "no usable store knowledge: "
                    + (header.isEmpty() ? "store.yaml could not be read" : "no product and no FAQ entry loaded")));
            return new LoadResult(Optional.empty(), problems);
        }
        StoreHeader store = header.get();
        return new LoadResult(Optional.of(new StoreKnowledge(store.name, store.greeting, store.hours, store.phone,
                store.address, store.departments, products, faqs, store.holidays)), problems);
    }

    private static Optional<StoreHeader> readHeader(Path file, Node root, List<Problem> problems) {
        Optional<MappingNode> mapping = YamlNodes.mapping(root);
        if (mapping.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(root), "expected keys such as name, greeting and hours"));
            return Optional.empty();
        }
        StoreHeader header = new StoreHeader();
        for (NodeTuple entry : mapping.get().getValue()) {
            String key = YamlNodes.scalar(entry.getKeyNode()).orElse("");
            Node value = entry.getValueNode();
            int line = YamlNodes.line(entry.getKeyNode());
            switch (key) {
                case "name" -> header.name = text(file, value, key, problems).orElse(header.name);
                case "greeting" -> header.greeting = text(file, value, key, problems).orElse(header.greeting);
                case "phone" -> header.phone = text(file, value, key, problems).orElse("");
                case "address" -> header.address = text(file, value, key, problems).orElse("");
                case "hours" -> header.hours = hours(file, value, problems);
                case "departments" -> header.departments = departments(file, value, problems);
                case "holidays" -> header.holidays = holidays(file, value, problems);
                case "staff_call" -> {
                    // read by the kiosk configuration; accepted here so older store files stay valid
                }
                default -> problems.add(new Problem(file, line, "unknown key '" + key + "'"
                        + DidYouMean.hint(key, STORE_KEYS) + "; ignored"));
            }
        }
        if (header.name.isBlank()) {
            problems.add(new Problem(file, YamlNodes.line(root), "has no 'name'; the kiosk calls it \"the store\""));
            header.name = "the store";
        }
        return Optional.of(header);
    }

    private static Optional<String> text(Path file, Node value, String key, List<Problem> problems) {
        Optional<String> text = YamlNodes.scalar(value);
        if (text.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'" + key + "' should be a single text value"));
        }
        return text;
    }

    private static Map<DayOfWeek, OpeningHours> hours(Path file, Node value, List<Problem> problems) {
        Map<DayOfWeek, OpeningHours> hours = new LinkedHashMap<>();
        Optional<MappingNode> days = YamlNodes.mapping(value);
        if (days.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'hours' should map mon … sun to \"08:00-21:00\" "
                    + "or closed"));
            return hours;
        }
        for (NodeTuple entry : days.get().getValue()) {
            String day = YamlNodes.scalar(entry.getKeyNode()).orElse("").toLowerCase();
            int line = YamlNodes.line(entry.getKeyNode());
            DayOfWeek weekday = WEEKDAYS.get(day.length() > 3 ? day.substring(0, 3) : day);
            if (weekday == null || day.length() > 3 && !weekday.name().toLowerCase().equals(day)) {
                problems.add(new Problem(file, line, "unknown weekday '" + day + "'"
                        + DidYouMean.hint(day, WEEKDAYS.keySet()) + "; expected mon, tue, wed, thu, fri, sat or sun"));
                continue;
            }
            String range = YamlNodes.scalar(entry.getValueNode()).orElse("");
            if (range.equalsIgnoreCase("closed")) {
                continue;
            }
            parseRange(range).ifPresentOrElse(open -> hours.put(weekday, open), () -> problems.add(new Problem(file,
                    line, "hours '" + range + "' for " + day + " are not like \"08:00-21:00\" or closed; "
                    + "that day is treated as unknown")));
        }
        return hours;
    }

    static Optional<OpeningHours> parseRange(String range) {
        String[] parts = range.split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            LocalTime opens = LocalTime.parse(pad(parts[0]));
            LocalTime closes = parts[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(pad(parts[1]));
            return opens.isBefore(closes) ? Optional.of(new OpeningHours(opens, closes)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String pad(String time) {
        return time.length() == 4 && time.charAt(1) == ':' ? "0" + time : time;
    }

    /** {@code holidays: {"2026-12-25": closed, "2026-12-24": "08:00-14:00"}}; a bad entry is reported and skipped. */
    private static Map<LocalDate, Optional<OpeningHours>> holidays(Path file, Node value, List<Problem> problems) {
        Map<LocalDate, Optional<OpeningHours>> holidays = new LinkedHashMap<>();
        Optional<MappingNode> dates = YamlNodes.mapping(value);
        if (dates.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'holidays' should map dates like \"2026-12-25\" "
                    + "to closed or \"08:00-14:00\""));
            return holidays;
        }
        for (NodeTuple entry : dates.get().getValue()) {
            String date = YamlNodes.scalar(entry.getKeyNode()).orElse("");
            int line = YamlNodes.line(entry.getKeyNode());
            String range = YamlNodes.scalar(entry.getValueNode()).orElse("");
            try {
                LocalDate day = LocalDate.parse(date);
                Optional<OpeningHours> hours = range.equalsIgnoreCase("closed") ? Optional.empty()
                        : Optional.of(parseRange(range).orElseThrow(() -> new IllegalArgumentException(range)));
                holidays.put(day, hours);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(file, line, "holiday '" + date + "' is not a date like \"2026-12-25\"; "
                        + "skipped"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, line, "hours '" + range + "' for holiday " + date + " are not like "
                        + "\"08:00-14:00\" or closed; skipped"));
            }
        }
        return holidays;
    }

    private static Map<String, List<String>> departments(Path file, Node value, List<Problem> problems) {
        Map<String, List<String>> departments = new LinkedHashMap<>();
        Optional<MappingNode> mapping = YamlNodes.mapping(value);
        if (mapping.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'departments' should map names to aisle lists"));
            return departments;
        }
        for (NodeTuple entry : mapping.get().getValue()) {
            String name = YamlNodes.scalar(entry.getKeyNode()).orElse("");
            Node aisles = entry.getValueNode();
            List<String> list = new ArrayList<>();
            if (aisles instanceof SequenceNode sequence) {
                sequence.getValue().forEach(node -> YamlNodes.scalar(node).ifPresent(list::add));
            } else {
                YamlNodes.scalar(aisles).ifPresent(text -> list.addAll(List.of(text.split("\\s*,\\s*"))));
            }
            if (name.isBlank() || list.isEmpty()) {
                problems.add(new Problem(file, YamlNodes.line(entry.getKeyNode()),
                        "department '" + name + "' has no aisles; skipped"));
            } else {
                departments.put(name, List.copyOf(list));
            }
        }
        return departments;
    }

    /** The fields of store.yaml while it is being read. */
    private static final class StoreHeader {
        String name = "";
        String greeting = "Hello! How can I help you today?";
        String phone = "";
        String address = "";
        Map<DayOfWeek, OpeningHours> hours = Map.of();
        Map<String, List<String>> departments = Map.of();
        Map<LocalDate, Optional<OpeningHours>> holidays = Map.of();
    }
}
