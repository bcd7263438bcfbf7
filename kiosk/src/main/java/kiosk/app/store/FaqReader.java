package kiosk.app.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code faq.yaml}: a list of {@code {id, questions: [...], answer}}; a bad entry is reported and skipped. */
final class FaqReader {

    private static final List<String> KEYS = List.of("id", "questions", "answer");

    private FaqReader() {
    }

    static List<FaqEntry> read(Path file, List<Problem> problems) {
        Optional<Node> root = TextFile.read(file, false, problems).flatMap(text -> YamlNodes.parse(file, text, problems));
        if (root.isEmpty()) {
            return List.of();
        }
        Optional<SequenceNode> entries = YamlNodes.sequence(root.get());
        if (entries.isEmpty()) {
            problems.add(new Problem(file, YamlNodes.line(root.get()), "expected a list of {id, questions, answer}"));
            return List.of();
        }
        List<FaqEntry> faqs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : entries.get().getValue()) {
            entry(file, node, problems).ifPresent(faq -> {
                if (ids.add(faq.id())) {
                    faqs.add(faq);
                } else {
                    problems.add(new Problem(file, YamlNodes.line(node), "duplicate id '" + faq.id()
                            + "'; the first entry is kept"));
                }
            });
        }
        return faqs;
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
