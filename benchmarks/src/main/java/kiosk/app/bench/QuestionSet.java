package kiosk.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A question set for a store: sessions of turns, each with the facts a right answer must contain (for example
 * "aisle 4", "$8.98", "6 p.m.") or, for things the store does not sell and for injected commands, none at all.
 * Written by hand from the store's files. The evaluation sets also name each turn's kind and the store folder.
 */
public record QuestionSet(Path file, Optional<String> store, List<List<Turn>> sessions) {

    /** One question and what a right answer holds. */
    public record Turn(Optional<Kind> kind, String ask, String intent, List<String> expect, boolean expectNone) {

        /** True when the answer contains every expected fact (case-insensitive, "aisle 1" not inside "aisle 12"). */
        public boolean rightFact(String answer) {
            return expect.stream().allMatch(fact -> contains(answer, fact));
        }
    }

    /** The half of an evaluation set a session belongs to: tune on {@link #DEV}, report {@link #TEST}. */
    public enum Half {
        DEV, TEST;

        /**
         * The session's half: the first byte of the SHA-256 of its first question (trimmed, lower case, UTF-8),
         * even for dev, odd for test. A session never moves when others are added.
         */
        public static Half of(List<Turn> session) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                        session.get(0).ask().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                return (digest[0] & 1) == 0 ? DEV : TEST;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** True when {@code text} contains {@code fact}, ignoring case, and not as part of a longer word or number. */
    public static boolean contains(String text, String fact) {
        String quoted = Pattern.quote(fact.toLowerCase(Locale.ROOT));
        String pattern = (Character.isLetterOrDigit(fact.charAt(0)) ? "(?<![\\p{Alnum}])" : "") + quoted
                + (Character.isLetterOrDigit(fact.charAt(fact.length() - 1)) ? "(?![\\p{Alnum}])" : "");
        return Pattern.compile(pattern).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    public int size() {
        return sessions.stream().mapToInt(List::size).sum();
    }

    /**
     * The store folder the set names ({@code store:}), as given (relative to the working directory) or else relative
     * to the set's folder or one of its parents: a set in {@code bench/eval} naming {@code kiosk/demo-store} is found
     * from the repository root and from a module folder alike.
     */
    public Optional<Path> storeFolder() {
        return store.map(name -> {
            Path given = Path.of(name);
            for (Path dir = file.toAbsolutePath().getParent(); !Files.isDirectory(given) && dir != null;
                 dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
            if (!Files.isDirectory(given)) {
                throw new IllegalArgumentException("the question set " + file + " names the store folder '" + name
                        + "', which is neither in the working directory nor beside the set or above it");
            }
            return given;
        });
    }

    public static QuestionSet load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the question set " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the question set " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException("the question set " + file + " is empty");
        }
        List<List<Turn>> sessions = new ArrayList<>();
        for (JsonNode session : root.path("sessions")) {
            List<Turn> turns = new ArrayList<>();
            for (JsonNode turn : session.path("turns")) {
                turns.add(turn(file, sessions.size() + 1, turn));
            }
            if (turns.isEmpty()) {
                throw new IllegalArgumentException("the question set " + file + ": session " + (sessions.size() + 1)
                        + " has no turns");
            }
            sessions.add(turns);
        }
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("the question set " + file + " has no sessions");
        }
        Optional<String> store = root.hasNonNull("store") ? Optional.of(root.get("store").asText())
                : Optional.empty();
        return new QuestionSet(file, store, sessions);
    }

    private static Turn turn(Path file, int session, JsonNode turn) {
        String where = "the question set " + file + ": session " + session + ", \"" + turn.path("ask").asText() + "\"";
        List<String> expect = new ArrayList<>();
        turn.path("expect").forEach(fact -> expect.add(fact.asText()));
        boolean expectNone = turn.path("expect_none").asBoolean(false);
        if (expectNone == !expect.isEmpty()) {
            throw new IllegalArgumentException(where + " needs either facts to expect or expect_none: true");
        }
        if (expect.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(where + " expects a blank fact");
        }
        Optional<Kind> kind;
        try {
            kind = turn.hasNonNull("kind") ? Optional.of(Kind.of(turn.get("kind").asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return new Turn(kind, turn.path("ask").asText(), turn.path("intent").asText(), expect, expectNone);
    }
}
