package kiosk.model.generate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import kiosk.model.generate.ModelPack.KvNames;
import kiosk.model.generate.ModelPack.SpecialTokens;
import kiosk.model.generate.ModelPack.TokenRef;
import kiosk.model.generate.ModelPack.WeightType;

/**
 * Reads a model pack's {@code pack.yaml} and checks everything that can be checked without loading the model: known
 * keys, required keys, types and ranges, the files it names, the chat template. The first problem refuses the whole
 * pack with one {@link PackException} sentence naming the file and, where there is one, the line: a half-valid pack
 * is not run, so the kiosk falls back to its template answers instead of speaking from a misconfigured model.
 *
 * <p>YAML is read as SnakeYAML nodes rather than maps because nodes keep their line numbers.
 */
public final class PackLoader {

    public static final String FILE = "pack.yaml";

    static final List<String> REQUIRED = List.of("name", "version", "licence", "decoder", "tokenizer", "chat_template",
            "context_length");
    static final Map<String, List<String>> SECTIONS = sections();
    static final List<String> TOP_KEYS = topKeys();

    static final int MIN_CONTEXT = 128;
    static final int MAX_CONTEXT = 131_072;
    static final int MAX_NEW_TOKENS = 2048;
    static final long MIN_TIME_BUDGET_MS = 100;
    static final long MAX_TIME_BUDGET_MS = 60_000;

    // defaults chosen for a kiosk: deterministic answers, a spoken reply of a few sentences, a wait a shopper accepts
    static final int DEFAULT_MAX_NEW_TOKENS = 128;
    static final long DEFAULT_TIME_BUDGET_MS = 10_000;

    private final Path folder;
    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();

    private String name;
    private String version;
    private String licence;
    private Path decoder;
    private Path decoderData;
    private Path tokenizer;
    private ChatTemplate template;
    private int contextLength;
    private WeightType weights = WeightType.FLOAT32;
    private Optional<TokenRef> bos = Optional.empty();
    private List<TokenRef> eos = List.of();
    private List<String> stops = List.of();
    private final String[] kv = {KvNames.DEFAULT.pastKey(), KvNames.DEFAULT.pastValue(),
        KvNames.DEFAULT.presentKey(), KvNames.DEFAULT.presentValue()};
    private double temperature = Sampling.GREEDY.temperature();
    private double topP = Sampling.GREEDY.topP();
    private double repetitionPenalty = Sampling.GREEDY.repetitionPenalty();
    private long seed;
    private int maxNewTokens = DEFAULT_MAX_NEW_TOKENS;
    private long timeBudgetMs = DEFAULT_TIME_BUDGET_MS;

    private PackLoader(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(FILE);
    }

    /**
     * Loads the pack in {@code folder}.
     *
     * @throws PackException with one sentence naming {@code pack.yaml} (and its line) when anything is wrong
     */
    public static ModelPack load(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new PackException(absolute, 0, "the model pack folder does not exist");
        }
        return new PackLoader(absolute).read();
    }

    private ModelPack read() {
        Node root = parse(text());
        if (!(root instanceof MappingNode)) {
            throw new PackException(file, line(root), "expected keys such as name, version and decoder, not "
                    + kind(root));
        }
        forEach((MappingNode) root, "", this::top);
        for (String key : REQUIRED) {
            if (!lines.containsKey(key)) {
                throw new PackException(file, 0, "the required key '" + key + "' is missing; a pack names at least "
                        + String.join(", ", REQUIRED));
            }
        }
        checkFile("decoder", decoder);
        checkFile("tokenizer", tokenizer);
        if (decoderData != null) {
            checkFile("decoder_data", decoderData);
        } else {
            // the usual name of an exported model's external weights; kept for the record, ONNX Runtime finds it
            Path beside = decoder.resolveSibling(decoder.getFileName() + ".data");
            decoderData = Files.isRegularFile(beside) ? beside : null;
        }
        return new ModelPack(name, version, licence, folder, decoder, Optional.ofNullable(decoderData), tokenizer,
                template, new SpecialTokens(bos, eos, stops), contextLength, weights,
                new KvNames(kv[0], kv[1], kv[2], kv[3]), new Sampling(temperature, topP, repetitionPenalty), seed,
                maxNewTokens, Duration.ofMillis(timeBudgetMs));
    }

    private String text() {
        if (!Files.isRegularFile(file)) {
            throw new PackException(file, 0, "the model pack has no " + FILE);
        }
        try {
            // a strict decoder: a pack saved in another encoding is refused rather than read with wrong characters
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PackException(file, 0, "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new PackException(file, 0, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private Node parse(String text) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                throw new PackException(file, 0, "is empty; expected keys such as name, version and decoder");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PackException(file, line, "is not valid YAML (" + e.getProblem() + ")", e);
        } catch (YAMLException e) {
            throw new PackException(file, 0, "is not valid YAML (" + e.getMessage() + ")", e);
        }
    }

    private void top(String key, NodeTuple entry) {
        Node value = entry.getValueNode();
        switch (key) {
            case "name" -> name = text(key, value);
            case "version" -> version = text(key, value);
            case "licence" -> licence = text(key, value);
            case "decoder" -> decoder = path(key, value);
            case "decoder_data" -> decoderData = path(key, value);
            case "tokenizer" -> tokenizer = path(key, value);
            case "chat_template" -> template = template(value);
            case "context_length" -> contextLength = (int) whole(key, value, MIN_CONTEXT, MAX_CONTEXT);
            case "dtype" -> weights = weights(value);
            case "special_tokens" -> section(key, value, this::specialToken);
            case "kv_cache" -> section(key, value, this::kvName);
            case "sampling" -> section(key, value, this::sampling);
            case "budgets" -> section(key, value, this::budget);
            default -> throw unknown(key, line(entry.getKeyNode()), "", TOP_KEYS);
        }
    }

    private void specialToken(String key, Node value) {
        switch (key) {
            case "bos" -> bos = Optional.of(token("special_tokens.bos", value));
            case "eos" -> {
                List<TokenRef> tokens = new ArrayList<>();
                for (Node item : oneOrMany(value)) {
                    tokens.add(token("special_tokens.eos", item));
                }
                eos = tokens;
            }
            case "stop" -> {
                List<String> strings = new ArrayList<>();
                for (Node item : oneOrMany(value)) {
                    strings.add(rawText("special_tokens.stop", item));
                }
                stops = strings;
            }
            default -> throw new IllegalStateException(key);
        }
    }

    private void kvName(String key, Node value) {
        String pattern = text("kv_cache." + key, value);
        if (pattern.split("%d", -1).length != 2 || pattern.replace("%d", "").contains("%")) {
            throw new PackException(file, line(value), "'kv_cache." + key + "' must contain %d once, for the layer "
                    + "number, not '" + pattern + "'");
        }
        kv[SECTIONS.get("kv_cache").indexOf(key)] = pattern;
    }

    private void sampling(String key, Node value) {
        switch (key) {
            case "temperature" -> temperature = decimal("sampling.temperature", value, 0, true, 2);
            case "top_p" -> topP = decimal("sampling.top_p", value, 0, false, 1);
            case "repetition_penalty" -> repetitionPenalty = decimal("sampling.repetition_penalty", value, 1, true, 2);
            case "seed" -> seed = whole("sampling.seed", value, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> throw new IllegalStateException(key);
        }
    }

    private void budget(String key, Node value) {
        switch (key) {
            case "max_new_tokens" -> maxNewTokens = (int) whole("budgets.max_new_tokens", value, 1, MAX_NEW_TOKENS);
            case "time_budget_ms" -> timeBudgetMs = whole("budgets.time_budget_ms", value, MIN_TIME_BUDGET_MS,
                    MAX_TIME_BUDGET_MS);
            default -> throw new IllegalStateException(key);
        }
    }

    /** Reads a section's keys; unknown ones are refused before the handler sees them. */
    private void section(String section, Node value, BiConsumer<String, Node> handler) {
        if (!(value instanceof MappingNode)) {
            throw new PackException(file, line(value), "'" + section + "' must hold the keys "
                    + String.join(", ", SECTIONS.get(section)) + ", not " + kind(value));
        }
        forEach((MappingNode) value, section + ".", (key, entry) -> {
            if (!SECTIONS.get(section).contains(key)) {
                throw unknown(key, line(entry.getKeyNode()), section, SECTIONS.get(section));
            }
            handler.accept(key, entry.getValueNode());
        });
    }

    /**
     * Hands each entry of a mapping to the handler in file order, so the first problem reported is the first in the
     * file; a key given twice is refused, because YAML would silently keep only the last.
     */
    private void forEach(MappingNode mapping, String prefix, BiConsumer<String, NodeTuple> handler) {
        for (NodeTuple entry : mapping.getValue()) {
            String key = key(entry);
            Integer first = lines.putIfAbsent(prefix + key, line(entry.getKeyNode()));
            if (first != null) {
                throw new PackException(file, line(entry.getKeyNode()), "the key '" + prefix + key + "' is given "
                        + "twice (first on line " + first + ")");
            }
            handler.accept(key, entry);
        }
    }

    private String key(NodeTuple entry) {
        Node key = entry.getKeyNode();
        if (!(key instanceof ScalarNode)) {
            throw new PackException(file, line(key), "a key must be a plain name, not " + kind(key));
        }
        return ((ScalarNode) key).getValue().strip();
    }

    private PackException unknown(String key, int line, String section, List<String> known) {
        String where = section.isEmpty() ? "" : " in section '" + section + "'";
        String hint = didYouMean(key, known);
        if (hint.isEmpty()) {
            // a key written at the top level that belongs in a section, or the other way round
            for (Map.Entry<String, List<String>> other : SECTIONS.entrySet()) {
                if (other.getValue().contains(key) && !other.getKey().equals(section)) {
                    hint = " (it belongs in section '" + other.getKey() + "')";
                    break;
                }
            }
            if (!section.isEmpty() && TOP_KEYS.contains(key)) {
                hint = " (it belongs at the top level)";
            }
        }
        return new PackException(file, line, "unknown key '" + key + "'" + where + hint + "; the known keys are "
                + String.join(", ", known));
    }

    private ChatTemplate template(Node value) {
        if (value instanceof ScalarNode) {
            String named = ((ScalarNode) value).getValue();
            if (named.contains("{")) {
                return custom(named, List.of(), value);
            }
            return ChatTemplate.named(named).orElseThrow(() -> new PackException(file, line(value),
                    "unknown chat template '" + named.strip() + "'" + didYouMean(named.strip(), ChatTemplate.names())
                            + "; the known templates are " + String.join(", ", ChatTemplate.names())
                            + ", or a mapping with a custom string"));
        }
        if (!(value instanceof MappingNode)) {
            throw new PackException(file, line(value), "'chat_template' must be a template name such as chatml, or a "
                    + "mapping with a custom string, not " + kind(value));
        }
        String[] custom = {null};
        List<String> stop = new ArrayList<>();
        section("chat_template", value, (key, item) -> {
            if (key.equals("custom")) {
                custom[0] = rawText("chat_template.custom", item);
            } else {
                for (Node one : oneOrMany(item)) {
                    stop.add(rawText("chat_template.stop", one));
                }
            }
        });
        if (custom[0] == null) {
            throw new PackException(file, line(value), "'chat_template' lacks its 'custom' string, the template with "
                    + "{system} and {user}");
        }
        return custom(custom[0], stop, value);
    }

    private ChatTemplate custom(String pattern, List<String> stop, Node where) {
        try {
            return ChatTemplate.custom(pattern, stop);
        } catch (IllegalArgumentException e) {
            throw new PackException(file, line(where), e.getMessage(), e);
        }
    }

    private WeightType weights(Node value) {
        String text = text("dtype", value);
        for (WeightType type : WeightType.values()) {
            if (type.yamlName().equals(text)) {
                return type;
            }
        }
        List<String> names = new ArrayList<>();
        for (WeightType type : WeightType.values()) {
            names.add(type.yamlName());
        }
        throw new PackException(file, line(value), "'dtype' must be one of " + String.join(", ", names) + ", not '"
                + text + "'" + didYouMean(text, names));
    }

    private TokenRef token(String key, Node value) {
        String text = rawText(key, value);
        if (text.strip().matches("-?\\d+")) {
            long id = whole(key, value, 0, Integer.MAX_VALUE);
            return TokenRef.ofId(id);
        }
        return TokenRef.ofText(text);
    }

    private List<Node> oneOrMany(Node value) {
        return value instanceof SequenceNode ? ((SequenceNode) value).getValue() : List.of(value);
    }

    private Path path(String key, Node value) {
        Path path = Path.of(text(key, value));
        return folder.resolve(path).toAbsolutePath().normalize();
    }

    private void checkFile(String key, Path path) {
        int line = lines.getOrDefault(key, 0);
        if (!Files.exists(path)) {
            throw new PackException(file, line, "the " + key.replace('_', ' ') + " file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new PackException(file, line, "the " + key.replace('_', ' ') + " file " + path
                    + " is not a readable file");
        }
    }

    /** A single-line value, stripped; names, versions and file names. */
    private String text(String key, Node value) {
        String text = rawText(key, value).strip();
        if (text.isEmpty() || text.contains("\n")) {
            throw new PackException(file, line(value), "'" + key + "' must be one line of text, not '"
                    + text.replace("\n", "\\n") + "'");
        }
        return text;
    }

    /** A value kept exactly as written, leading and trailing whitespace included: stop strings such as "\nUser:". */
    private String rawText(String key, Node value) {
        if (!(value instanceof ScalarNode)) {
            throw new PackException(file, line(value), "'" + key + "' must be a single value, not " + kind(value));
        }
        String text = ((ScalarNode) value).getValue();
        if (text.isEmpty()) {
            throw new PackException(file, line(value), "'" + key + "' must not be empty");
        }
        return text;
    }

    private long whole(String key, Node value, long min, long max) {
        String text = rawText(key, value).strip();
        long number;
        try {
            number = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new PackException(file, line(value), "'" + key + "' must be a whole number" + range(min, max)
                    + ", not '" + text + "'");
        }
        if (number < min || number > max) {
            throw new PackException(file, line(value), "'" + key + "' is out of range: " + text + " is not"
                    + range(min, max));
        }
        return number;
    }

    private static String range(long min, long max) {
        return min == Long.MIN_VALUE ? "" : " from " + min + " to " + max;
    }

    private double decimal(String key, Node value, double min, boolean minIncluded, double max) {
        String text = rawText(key, value).strip();
        String range = minIncluded ? " from " + plain(min) + " to " + plain(max)
                : " above " + plain(min) + " and at most " + plain(max);
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!Double.isFinite(number)) {
            throw new PackException(file, line(value), "'" + key + "' must be a number" + range + ", not '" + text
                    + "'");
        }
        if (number < min || !minIncluded && number == min || number > max) {
            throw new PackException(file, line(value), "'" + key + "' is out of range: " + text + " is not" + range);
        }
        return number;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping of keys";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** " (did you mean 'x'?)" for the closest known name when it is close enough to be the likely intent, or "". */
    static String didYouMean(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = levenshtein(unknown.toLowerCase(java.util.Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, unknown.length() / 3)
                ? " (did you mean '" + best + "'?)" : "";
    }

    /** Edit distance (insertions, deletions, substitutions), two rows at a time. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("special_tokens", List.of("bos", "eos", "stop"));
        sections.put("kv_cache", List.of("past_key", "past_value", "present_key", "present_value"));
        sections.put("sampling", List.of("temperature", "top_p", "repetition_penalty", "seed"));
        sections.put("budgets", List.of("max_new_tokens", "time_budget_ms"));
        sections.put("chat_template", List.of("custom", "stop"));
        return sections;
    }

    private static List<String> topKeys() {
        return List.of("name", "version", "licence", "decoder", "decoder_data", "tokenizer", "chat_template",
                "context_length", "dtype", "special_tokens", "kv_cache", "sampling", "budgets");
    }
}
