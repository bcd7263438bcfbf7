package kiosk.app.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import kiosk.hardware.PrintableText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** YAML as a tree of nodes that remember their line, so every message can point at the line to fix. */
public final class YamlNodes {

    private YamlNodes() {
    }

    public static Optional<Node> parse(Path file, String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                problems.add(new Problem(file, 0, "holds no YAML document"));
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(file, line, "is not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (ReaderException e) {
            int line = 1 + (int) text.substring(0, Math.min(text.length(), Math.max(0, e.getPosition())))
                    .chars().filter(c -> c == '\n').count();
            String escape = e.getCodePoint() == 0x1B ? " (a terminal escape)" : "";
            problems.add(new Problem(file, line, "is not valid YAML: it holds the control character "
                    + String.format("U+%04X", e.getCodePoint()) + escape + "; remove it"));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new Problem(file, 0, "is not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    public static Optional<String> scalar(Node node) {
        // without terminal escapes or control characters: store and settings text is shown, spoken and logged
        return node instanceof ScalarNode scalar ? Optional.of(PrintableText.of(scalar.getValue()).strip())
                : Optional.empty();
    }

    public static Optional<MappingNode> mapping(Node node) {
        return node instanceof MappingNode mapping ? Optional.of(mapping) : Optional.empty();
    }

    public static Optional<SequenceNode> sequence(Node node) {
        return node instanceof SequenceNode sequence ? Optional.of(sequence) : Optional.empty();
    }
}
