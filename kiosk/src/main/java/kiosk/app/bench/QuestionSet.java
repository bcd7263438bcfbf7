package kiosk.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A question set for a store: sessions of turns, each with the intent expected and the facts a right answer must
 * contain (for example "aisle 4", "$8.98", "6 p.m."). Written by hand from the store's files.
 */
public record QuestionSet(List<List<Turn>> sessions) {

    /** One question and what a right answer holds. */
    public record Turn(String ask, String intent, List<String> expect) {

        /** True when the answer contains every expected fact (case-insensitive). */
        public boolean rightFact(String answer) {
            String lower = answer.toLowerCase(Locale.ROOT);
            return expect.stream().allMatch(fact -> lower.contains(fact.toLowerCase(Locale.ROOT)));
        }
    }

    public int size() {
        return sessions.stream().mapToInt(List::size).sum();
    }

    public static QuestionSet load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("the question set " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<List<Turn>> sessions = new ArrayList<>();
        for (JsonNode session : root.path("sessions")) {
            List<Turn> turns = new ArrayList<>();
            for (JsonNode turn : session.path("turns")) {
                List<String> expect = new ArrayList<>();
                turn.path("expect").forEach(fact -> expect.add(fact.asText()));
                turns.add(new Turn(turn.path("ask").asText(), turn.path("intent").asText(), expect));
            }
            sessions.add(turns);
        }
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("the question set " + file + " has no sessions");
        }
        return new QuestionSet(sessions);
    }
}
