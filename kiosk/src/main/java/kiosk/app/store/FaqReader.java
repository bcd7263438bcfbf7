package kiosk.app.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code faq.yaml}: a list of {@code {id, questions: [...], answer}}; a bad entry is reported and skipped.
 * Every phrasing is encoded when the store loads, so their number is bounded: a phrasing repeated (in one entry or
 * across entries) is kept once, an entry keeps its first {@link #MAX_PHRASINGS_PER_ENTRY}, the file its first
 * {@link #MAX_PHRASINGS}; each cut is reported once per entry.
 */
final class FaqReader {

    static final int MAX_PHRASINGS_PER_ENTRY = 50;
    static final int MAX_PHRASINGS = 5_000;
    /** Runs of white space, read as one space when phrasings are compared (compiled once, not per phrasing). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final List<String> KEYS = List.of("id", "questions", "answer");

    private FaqReader() {
    }

    static List<FaqEntry> read(Path file, List<Problem> problems, List<FileTally> tallies) {
        Optional<Node> root = TextFile.read(file, true, problems)
                .flatMap(text -> YamlNodes.parse(file, text, problems));
        if (root.isEmpty()) {
            tallies.add(FileTally.unusable(file, problems, "missing"));
            return List.of();
        }
        Optional<SequenceNode> entries = YamlNodes.sequence(root.get());
        if (entries.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(root.get()), "expected a list of {id, questions, answer}"));
            tallies.add(FileTally.unusable(file, "is not a list of {id, questions, answer}"));
            return List.of();
        }
        List<FaqEntry> faqs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> phrasings = new HashMap<>();
        for (Node node : entries.get().getValue()) {
            entry(file, node, problems)
                    .flatMap(faq -> bounded(file, YamlNodes.line(node), faq, phrasings, problems))
                    .ifPresent(faq -> {
                        if (ids.add(faq.id())) {
                            faqs.add(faq);
                        } else {
                            problems.add(new Problem(file, YamlNodes.line(node), "duplicate id '" + faq.id()
                                    + "'; the first entry is kept"));
                        }
                    });
        }
        int rows = entries.get().getValue().size();
        tallies.add(FileTally.of(file, rows, rows - faqs.size()));
        return faqs;
    }

    /**
     * The entry with its repeated phrasings (here or in earlier entries) dropped and its phrasings capped; empty
     * when none of its phrasings is left. {@code seen} maps each phrasing kept so far to its entry's id.
     */
    private static Optional<FaqEntry> bounded(Path file, int line, FaqEntry faq, Map<String, String> seen,
                                              List<Problem> problems) {
        List<String> kept = new ArrayList<>();
        int repeated = 0;
        Set<String> elsewhere = new java.util.TreeSet<>();
        int overEntry = 0;
        int overFile = 0;
        for (String question : faq.questions()) {
            String key = WHITESPACE.matcher(question.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
            String owner = seen.get(key);
            if (owner != null) {
                if (owner.equals(faq.id())) {
                    repeated++;
                } else {
                    elsewhere.add(owner);
                }
            } else if (kept.size() >= MAX_PHRASINGS_PER_ENTRY) {
                overEntry++;
            } else if (seen.size() >= MAX_PHRASINGS) {
                overFile++;
            } else {
                seen.put(key, faq.id());
                kept.add(question);
            }
        }
        String name = "FAQ '" + faq.id() + "'";
        if (repeated > 0) {
            problems.add(new Problem(file, line, name + " repeats " + repeated + " of its questions; each is kept "
                    + "once"));
        }
        if (!elsewhere.isEmpty()) {
            problems.add(new Problem(file, line, name + " has questions that FAQ " + elsewhere.stream()
                    .limit(3).map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", "))
                    + (elsewhere.size() > 3 ? " and others" : "") + " already has; they are kept there only"));
        }
        if (overEntry > 0) {
            problems.add(new Problem(file, line, name + " has more than " + MAX_PHRASINGS_PER_ENTRY + " questions; "
                    + "the first " + MAX_PHRASINGS_PER_ENTRY + " are kept, " + overEntry + " left out"));
        }
        if (overFile > 0) {
            problems.add(new Problem(file, line, "the FAQ holds more than " + MAX_PHRASINGS + " questions; "
                    + overFile + " of " + name + " left out"));
        }
        if (kept.isEmpty()) {
            problems.add(new Problem(file, line, name + " has no question left; skipped"));
            return Optional.empty();
        }
        return Optional.of(new FaqEntry(faq.id(), kept, faq.answer()));
    }

    private static Optional<FaqEntry> entry(Path file, Node node, List<Problem> problems) {
        int line = YamlNodes.line(node);
        Optional<MappingNode> mapping = YamlNodes.mapping(node);
        if (mapping.isEmpty()) {
            problems.add(new Problem(file, line, "FAQ entry should have id, questions and answer; skipped"));
            return Optional.empty();
        }
        String id = "";
        String answer = "";
        List<String> questions = new ArrayList<>();
        for (NodeTuple tuple : mapping.get().getValue()) {
            String key = YamlNodes.scalar(tuple.getKeyNode()).orElse("");
            Node value = tuple.getValueNode();
            switch (key) {
                case "id" -> id = YamlNodes.scalar(value).orElse("");
                case "answer" -> answer = YamlNodes.scalar(value).orElse("");
                case "questions" -> YamlNodes.sequence(value).ifPresentOrElse(
                        list -> list.getValue().forEach(q -> YamlNodes.scalar(q).ifPresent(questions::add)),
                        () -> YamlNodes.scalar(value).ifPresent(questions::add));
                default -> problems.add(new Problem(file, YamlNodes.line(tuple.getKeyNode()), "unknown key '" + key
                        + "'" + DidYouMean.hint(key, KEYS) + " in a FAQ entry; ignored"));
            }
        }
        String name = id.isBlank() ? "a FAQ entry" : "FAQ '" + id + "'";
        if (id.isBlank() || questions.isEmpty() || answer.isBlank()) {
            String missing = id.isBlank() ? "id" : questions.isEmpty() ? "questions" : "answer";
            problems.add(new Problem(file, line, name + " has no " + missing + "; skipped"));
            return Optional.empty();
        }
        return Optional.of(new FaqEntry(id, questions, answer));
    }
}
