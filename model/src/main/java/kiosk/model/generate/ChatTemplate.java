package kiosk.model.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a conversation into the prompt text an instruction-tuned decoder was trained on, ending with the opening of
 * the assistant's turn, and names the strings that end that turn.
 *
 * <p>The named templates are written out here rather than run from the Jinja in a model's {@code tokenizer_config
 * .json}: the kiosk has no Jinja engine, and the handful of formats below cover the small models it can run.
 * <ul>
 *   <li>{@code chatml}: {@code <|im_start|>role\n…<|im_end|>\n} per message, then {@code <|im_start|>assistant\n}
 *       (Qwen2.5, SmolLM2); no system message is added when none is given.</li>
 *   <li>{@code qwen2.5}: chatml with Qwen2.5's own default system message when the conversation has none.</li>
 *   <li>{@code smollm}: chatml with SmolLM2-Instruct's default system message ("You are a helpful AI assistant named
 *       SmolLM, trained by Hugging Face"). SmolLM2-Instruct uses chatml ({@code <|im_start|>} and
 *       {@code <|im_end|>} are its tokens 1 and 2), not the Zephyr format.</li>
 *   <li>{@code llama3}: {@code <|begin_of_text|>}, then
 *       {@code <|start_header_id|>role<|end_header_id|>\n\n…<|eot_id|>} per message with the content trimmed, as
 *       Llama 3's template does. Llama 3.1/3.2 add a "Cutting Knowledge Date" preamble to the system message; it is
 *       left out here, so give it in the system message if a pack needs it.</li>
 *   <li>{@code zephyr}: {@code <|system|>\n…</s>\n<|user|>\n…</s>\n<|assistant|>\n} (Zephyr, TinyLlama-Chat).</li>
 *   <li>{@code plain}: {@code System: …\nUser: …\nAssistant:}, for base models and the tiny random test model, which
 *       know no chat tokens.</li>
 * </ul>
 * A pack may instead give a custom template: a literal string with {@code {system}} and {@code {user}} placeholders.
 * It renders one exchange only (the first system message and the last user message); earlier turns are left out,
 * because a single literal string cannot say how turns repeat.
 */
public final class ChatTemplate {

    /** Who speaks a message. */
    public enum Role { SYSTEM, USER, ASSISTANT }

    /** One message of the conversation. */
    public record Message(Role role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }

        public static Message system(String content) {
            return new Message(Role.SYSTEM, content);
        }

        public static Message user(String content) {
            return new Message(Role.USER, content);
        }

        public static Message assistant(String content) {
            return new Message(Role.ASSISTANT, content);
        }
    }

    /** The text around a message's content in one role's turn. */
    private record Turn(String before, String after) {
    }

    /** A template made of turns: prefix, one turn per message, then the opening of the assistant's turn. */
    private record Turns(String prefix, Map<Role, Turn> turns, String generationPrompt, String defaultSystem,
                         boolean trim) {
    }

    static final String QWEN_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
    static final String SMOLLM_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face";

    /** The placeholders a custom template may use. */
    public static final List<String> PLACEHOLDERS = List.of("{system}", "{user}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final Map<String, ChatTemplate> NAMED = named();

    private final String name;
    private final Turns turns;
    private final String custom;
    private final List<String> stopStrings;

    private ChatTemplate(String name, Turns turns, String custom, List<String> stopStrings) {
        this.name = name;
        this.turns = turns;
        this.custom = custom;
        this.stopStrings = List.copyOf(stopStrings);
    }

    /** The names {@link #named(String)} knows, in a stable order for messages. */
    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    /** A built-in template by name (case-insensitive), or empty when there is none by that name. */
    public static Optional<ChatTemplate> named(String name) {
        return Optional.ofNullable(NAMED.get(name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * A template from a literal string with {@code {system}} and {@code {user}} placeholders.
     *
     * @throws IllegalArgumentException when {@code {user}} is missing or another {@code {word}} appears: a typo such
     *         as {@code {usr}} would otherwise reach the model as literal text, unnoticed
     */
    public static ChatTemplate custom(String template, List<String> stopStrings) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            String found = placeholders.group();
            if (!PLACEHOLDERS.contains(found)) {
                throw new IllegalArgumentException("the custom chat template has an unknown placeholder '" + found
                        + "'" + PackLoader.didYouMean(found, PLACEHOLDERS) + "; it may use {system} and {user}");
            }
        }
        if (!template.contains("{user}")) {
            throw new IllegalArgumentException("the custom chat template lacks the {user} placeholder");
        }
        for (String stop : stopStrings) {
            if (stop.isEmpty()) {
                throw new IllegalArgumentException("a stop string of the custom chat template is empty");
            }
        }
        return new ChatTemplate("custom", null, template, stopStrings);
    }

    public String name() {
        return name;
    }

    /** The strings that end the assistant's turn; generation stops at the first of them. */
    public List<String> stopStrings() {
        return stopStrings;
    }

    /** The prompt for one system message and one user message. */
    public String render(String system, String user) {
        return render(List.of(Message.system(system), Message.user(user)));
    }

    /** The prompt for the conversation, ending with the opening of the assistant's reply. */
    public String render(List<Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one message");
        }
        return custom != null ? renderCustom(messages) : renderTurns(messages);
    }

    private String renderTurns(List<Message> messages) {
        StringBuilder prompt = new StringBuilder(turns.prefix());
        if (messages.get(0).role() != Role.SYSTEM && !turns.defaultSystem().isEmpty()) {
            appendTurn(prompt, Message.system(turns.defaultSystem()));
        }
        for (Message message : messages) {
            appendTurn(prompt, message);
        }
        return prompt.append(turns.generationPrompt()).toString();
    }

    private void appendTurn(StringBuilder prompt, Message message) {
        Turn turn = turns.turns().get(message.role());
        String content = turns.trim() ? message.content().strip() : message.content();
        prompt.append(turn.before()).append(content).append(turn.after());
    }

    private String renderCustom(List<Message> messages) {
        String system = messages.stream().filter(m -> m.role() == Role.SYSTEM).map(Message::content)
                .findFirst().orElse("");
        String user = "";
        for (Message message : messages) {
            if (message.role() == Role.USER) {
                user = message.content();
            }
        }
        // one pass over the template, so a message containing "{user}" is not itself substituted
        Matcher placeholders = PLACEHOLDER.matcher(custom);
        StringBuilder prompt = new StringBuilder();
        while (placeholders.find()) {
            String value = placeholders.group().equals("{system}") ? system : user;
            placeholders.appendReplacement(prompt, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(prompt);
        return prompt.toString();
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, ChatTemplate> named() {
        Map<String, ChatTemplate> named = new LinkedHashMap<>();
        List<String> chatmlStops = List.of("<|im_end|>", "<|endoftext|>");
        named.put("chatml", new ChatTemplate("chatml", chatml(""), null, chatmlStops));
        named.put("qwen2.5", new ChatTemplate("qwen2.5", chatml(QWEN_SYSTEM), null, chatmlStops));
        named.put("smollm", new ChatTemplate("smollm", chatml(SMOLLM_SYSTEM), null, chatmlStops));
        Map<Role, Turn> llama = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            llama.put(role, new Turn("<|start_header_id|>" + lower(role) + "<|end_header_id|>\n\n", "<|eot_id|>"));
        }
        named.put("llama3", new ChatTemplate("llama3", new Turns("<|begin_of_text|>", llama,
                "<|start_header_id|>assistant<|end_header_id|>\n\n", "", true),
                null, List.of("<|eot_id|>", "<|eom_id|>", "<|end_of_text|>")));
        Map<Role, Turn> zephyr = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            zephyr.put(role, new Turn("<|" + lower(role) + "|>\n", "</s>\n"));
        }
        named.put("zephyr", new ChatTemplate("zephyr", new Turns("", zephyr, "<|assistant|>\n", "", false),
                null, List.of("</s>", "<|user|>")));
        Map<Role, Turn> plain = Map.of(Role.SYSTEM, new Turn("System: ", "\n"), Role.USER, new Turn("User: ", "\n"),
                Role.ASSISTANT, new Turn("Assistant: ", "\n"));
        // a model without chat tokens ends its turn by starting the next speaker's line, so that line is the stop
        named.put("plain", new ChatTemplate("plain", new Turns("", plain, "Assistant:", "", true),
                null, List.of("\nUser:", "\nSystem:")));
        return named;
    }

    private static Turns chatml(String defaultSystem) {
        Map<Role, Turn> turns = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            turns.put(role, new Turn("<|im_start|>" + lower(role) + "\n", "<|im_end|>\n"));
        }
        return new Turns("", turns, "<|im_start|>assistant\n", defaultSystem, false);
    }

    private static String lower(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
