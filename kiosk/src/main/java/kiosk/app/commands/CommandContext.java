package kiosk.app.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import kiosk.app.store.DidYouMean;
import kiosk.app.store.Problem;
import kiosk.app.store.TextFile;
import kiosk.app.store.YamlNodes;
import kiosk.speech.SpokenForm;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A command context in the Rhino-style format: {@code context: expressions: {intent: [...]}, slots: {type: [...]}}.
 * Expressions use {@code [a, b]} for a choice, {@code (a, b)} for an optional choice and {@code $type:name} for a
 * slot. Loading checks everything and names file and line for the first problem.
 */
public final class CommandContext {

    private final String name;
    private final Map<String, List<String>> slotTypes;
    private final List<Expression> expressions;

    private CommandContext(String name, Map<String, List<String>> slotTypes, List<Expression> expressions) {
        this.name = name;
        this.slotTypes = slotTypes;
        this.expressions = expressions;
    }

    /**
     * Every {@code *.yaml} context of a store's {@code contexts/} folder (none when there is no such folder); a file
     * that cannot be used is one line through {@code problems} and the others load.
     */
    public static List<CommandContext> loadFolder(Path folder, Consumer<String> problems) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<CommandContext> contexts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    contexts.add(load(file));
                } catch (RuntimeException e) {
                    problems.accept(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.accept(folder + ": cannot list the command contexts: " + e.getMessage());
        }
        return contexts;
    }

    public static CommandContext load(Path file) {
        List<Problem> problems = new ArrayList<>();
        Node root = TextFile.read(file, true, problems)
                .flatMap(text -> YamlNodes.parse(file, text, problems))
                .orElseThrow(() -> new ContextException(problems.isEmpty() ? file + ": cannot be read"
                        : problems.get(0).toString()));
        MappingNode context = YamlNodes.mapping(root)
                .flatMap(top -> child(top, "context"))
                .flatMap(YamlNodes::mapping)
                .orElseThrow(() -> fail(file, root, "expected a top-level 'context:' with 'expressions:' and 'slots:'"));
        Map<String, List<String>> slots = slotTypes(file, context);
        MappingNode intents = child(context, "expressions").flatMap(YamlNodes::mapping)
                .orElseThrow(() -> fail(file, context, "the context has no 'expressions:' mapping intents to phrases"));
        List<Expression> expressions = new ArrayList<>();
        for (NodeTuple intent : intents.getValue()) {
            String intentName = YamlNodes.scalar(intent.getKeyNode()).orElse("");
            Optional<SequenceNode> list = YamlNodes.sequence(intent.getValueNode());
            if (intentName.isBlank() || list.isEmpty() || list.get().getValue().isEmpty()) {
                throw fail(file, intent.getKeyNode(), "intent '" + intentName + "' has no expressions");
            }
            for (Node expression : list.get().getValue()) {
                String text = YamlNodes.scalar(expression)
                        .orElseThrow(() -> fail(file, expression, "an expression must be a line of text"));
                expressions.add(ExpressionParser.parse(intentName, text, slots, file, YamlNodes.line(expression)));
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new CommandContext(name, slots, List.copyOf(expressions));
    }

    public String name() {
        return name;
    }

    public Set<String> intents() {
        Set<String> intents = new LinkedHashSet<>();
        expressions.forEach(expression -> intents.add(expression.intent()));
        return intents;
    }

    public Map<String, List<String>> slotTypes() {
        return slotTypes;
    }

    List<Expression> expressions() {
        return expressions;
    }

    /**
     * The context's pieces: every fixed phrase, choice option and slot phrase, each once. They carry its words into
     * the store's vocabulary, where a few command words join thousands of product names; recognizing commands
     * themselves takes {@link #grammarSentences()}, which also carry their order.
     */
    public List<String> grammarPhrases() {
        Set<String> phrases = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            for (Element element : expression.elements()) {
                element.alternatives().forEach(words -> phrases.add(String.join(" ", words)));
            }
        }
        phrases.remove("");
        return List.copyOf(phrases);
    }

    /**
     * Sentences drawn from the expressions, every choice and slot phrase among them, for the recognizer's grammar:
     * Vosk learns from them which word may follow which (see {@link GrammarSentences}). A phrase given twice counts
     * twice there, so keep the repeats.
     */
    public List<String> grammarSentences() {
        return GrammarSentences.of(expressions);
    }

    private static Map<String, List<String>> slotTypes(Path file, MappingNode context) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        Optional<Node> slotsNode = child(context, "slots");
        if (slotsNode.isEmpty()) {
            return slots;
        }
        MappingNode types = YamlNodes.mapping(slotsNode.get())
                .orElseThrow(() -> fail(file, slotsNode.get(), "'slots:' should map slot types to lists of phrases"));
        for (NodeTuple type : types.getValue()) {
            String typeName = YamlNodes.scalar(type.getKeyNode()).orElse("");
            List<String> phrases = new ArrayList<>();
            YamlNodes.sequence(type.getValueNode()).ifPresent(list -> list.getValue()
                    .forEach(node -> YamlNodes.scalar(node).map(String::strip).filter(p -> !p.isEmpty())
                            .ifPresent(phrases::add)));
            if (phrases.isEmpty()) {
                throw fail(file, type.getKeyNode(), "slot type '" + typeName + "' has no phrases");
            }
            slots.put(typeName, List.copyOf(phrases));
        }
        return slots;
    }

    private static Optional<Node> child(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (YamlNodes.scalar(tuple.getKeyNode()).filter(key::equals).isPresent()) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    static ContextException fail(Path file, Node node, String reason) {
        return new ContextException(file + ":" + YamlNodes.line(node) + ": " + reason);
    }

    /** Words as the recognizer writes them: lower case, digits spelled out, apostrophes kept ("i'd"). */
    static List<String> words(String phrase) {
        String normalized = SpokenForm.normalize(phrase, true);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    static String suggestion(String type, Set<String> known) {
        return DidYouMean.hint(type, known);
    }
}
