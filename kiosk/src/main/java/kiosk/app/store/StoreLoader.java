package kiosk.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** At most this many problems are listed; a file with thousands of bad rows is summed up after them. */
    static final int PROBLEMS_LISTED = 200;

    public static LoadResult load(Path folder) {
        List<Problem> problems = new ArrayList<>();
        List<FileTally> tallies = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder, 0, (Files.exists(folder) ? "is not a folder" : "does not exist")
                    + "; expected a store folder with store.yaml, catalog.csv and faq.yaml"));
            return new LoadResult(Optional.empty(), problems, tallies);
        }
        Path storeFile = folder.resolve("store.yaml");
        Optional<StoreHeader> header = TextFile.read(storeFile, true, problems)
                .flatMap(text -> YamlNodes.parse(storeFile, text, problems))
                .flatMap(root -> readHeader(storeFile, root, problems));
        if (header.isEmpty()) {
            tallies.add(FileTally.unusable(storeFile, problems, "could not be read"));
        }
        List<Product> products = CatalogReader.read(folder.resolve("catalog.csv"), problems, tallies);
        List<FaqEntry> faqs = FaqReader.read(folder.resolve("faq.yaml"), problems, tallies);
        if (header.isEmpty() || products.isEmpty() && faqs.isEmpty()) {
            problems.add(new Problem(folder, 0, "no usable store knowledge: "
                    + (header.isEmpty() ? "store.yaml could not be read" : "no product and no FAQ entry loaded")));
            return new LoadResult(Optional.empty(), listed(problems), tallies);
        }
        StoreHeader store = header.get();
        return new LoadResult(Optional.of(new StoreKnowledge(store.name, store.greeting, store.hours, store.phone,
                store.address, store.departments, products, faqs, store.hoursUnknown, store.holidays)),
                listed(problems), tallies);
    }

    private static List<Problem> listed(List<Problem> problems) {
        if (problems.size() <= PROBLEMS_LISTED) {
            return problems;
        }
        List<Problem> listed = new ArrayList<>(problems.subList(0, PROBLEMS_LISTED));
        Problem last = problems.get(problems.size() - 1);
        listed.add(new Problem(last.file().getParent() == null ? last.file() : last.file().getParent(), 0,
                (problems.size() - PROBLEMS_LISTED) + " more problems not listed"));
        return listed;
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
                case "hours" -> header.hours = hours(file, value, header.hoursUnknown, problems);
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

    private static Map<DayOfWeek, OpeningHours> hours(Path file, Node value, Set<DayOfWeek> unknown,
                                                      List<Problem> problems) {
        Map<DayOfWeek, OpeningHours> hours = new LinkedHashMap<>();
        Optional<MappingNode> days = YamlNodes.mapping(value);
        if (days.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'hours' should map mon … sun to \"08:00-21:00\" "
                    + "or closed; the kiosk will say it does not know the hours"));
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
                unknown.remove(weekday);
                continue;
            }
            StringBuilder why = new StringBuilder();
            Optional<OpeningHours> open = parseRange(range, why);
            if (open.isPresent()) {
                hours.put(weekday, open.get());
                unknown.remove(weekday);
            } else {
                problems.add(new Problem(file, line, "hours '" + range + "' for " + day + ": " + why
                        + "; write \"HH:MM-HH:MM\" (e.g. \"08:00-21:00\") or closed. Until then the kiosk says it "
                        + "does not know that day's hours"));
            }
        }
        List<String> missing = unknown.stream().filter(day -> !named(days.get(), day))
                .map(day -> day.name().substring(0, 3).toLowerCase()).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(value), "'hours' does not give " + String.join(", ", missing)
                    + "; the kiosk says it does not know those days' hours (write closed for a day the store is "
                    + "shut)"));
        }
        return hours;
    }

    private static boolean named(MappingNode days, DayOfWeek day) {
        return days.getValue().stream().map(entry -> YamlNodes.scalar(entry.getKeyNode()).orElse("").toLowerCase())
                .anyMatch(name -> name.startsWith(day.name().substring(0, 3).toLowerCase()));
    }

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");

    /** "08:00-21:00" (closing at 24:00 allowed), opening before closing; {@code why} says what is wrong. */
    static Optional<OpeningHours> parseRange(String range, StringBuilder why) {
        Matcher matcher = RANGE.matcher(range.strip());
        if (!matcher.matches()) {
            why.append("not two times of day like \"08:00-21:00\"");
            return Optional.empty();
        }
        Optional<LocalTime> opens = time(matcher.group(1), matcher.group(2), false, why);
        Optional<LocalTime> closes = opens.isEmpty() ? Optional.empty()
                : time(matcher.group(3), matcher.group(4), true, why);
        if (opens.isEmpty() || closes.isEmpty()) {
            return Optional.empty();
        }
        if (!opens.get().isBefore(closes.get())) {
            why.append("opens at ").append(matcher.group(1)).append(':').append(matcher.group(2))
                    .append(", not before it closes (hours past midnight are not supported)");
            return Optional.empty();
        }
        return Optional.of(new OpeningHours(opens.get(), closes.get()));
    }

    private static Optional<LocalTime> time(String hour, String minute, boolean closing, StringBuilder why) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (closing && h == 24 && m == 0) {
            return Optional.of(LocalTime.MAX);
        }
        if (h > 23 || m > 59) {
            why.append(hour).append(':').append(minute).append(" is not a time of day (00:00 to 23:59")
                    .append(closing ? ", or 24:00)" : ")");
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(h, m));
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
                StringBuilder why = new StringBuilder();
                Optional<OpeningHours> hours = range.equalsIgnoreCase("closed") ? Optional.empty()
                        : Optional.of(parseRange(range, why).orElseThrow(() -> new IllegalArgumentException(range)));
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
            list.removeIf(aisle -> Aisles.problem(aisle).map(why -> problems.add(new Problem(file,
                    YamlNodes.line(entry.getKeyNode()), "department '" + name + "': aisle " + why + "; left out")))
                    .isPresent());
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
        /** Days whose hours the file does not give (no 'hours', a day left out or unreadable): not "closed". */
        final Set<DayOfWeek> hoursUnknown = EnumSet.allOf(DayOfWeek.class);
    }
}
