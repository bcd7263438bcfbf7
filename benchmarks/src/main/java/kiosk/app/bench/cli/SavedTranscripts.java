package kiosk.app.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.speech.Reading;
import kiosk.speech.Transcript;
import kiosk.speech.Word;

/**
 * What the recognizer heard of each spoken question of a {@code bench spoken} run, kept in a file so that a later run
 * can weigh and understand the same transcripts again without speaking and recognizing them (the slow part, and one
 * that differs by a turn or two from run to run: Vosk dithers its features). One JSON object per line, keyed by set,
 * voice, session and turn; a replay says which question it lacks.
 */
final class SavedTranscripts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Transcript> heard = new LinkedHashMap<>();

    static String key(Path set, String voice, int session, int turn, String ask) {
        return set.getFileName() + "|" + voice + "|" + session + "|" + turn + "|" + ask;
    }

    void put(String key, Transcript transcript) {
        heard.put(key, transcript);
    }

    Optional<Transcript> get(String key) {
        return Optional.ofNullable(heard.get(key));
    }

    static SavedTranscripts read(Path file) {
        SavedTranscripts saved = new SavedTranscripts();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode tree = JSON.readTree(line);
                    saved.put(tree.path("key").asText(), transcript(tree.path("transcript")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved transcripts " + file, e);
        }
        return saved;
    }

    void write(Path file) {
        List<String> lines = new ArrayList<>();
        heard.forEach((key, transcript) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key", key);
            line.put("transcript", tree(transcript));
            try {
                lines.add(JSON.writeValueAsString(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transcripts to " + file, e);
        }
    }

    private static Map<String, Object> tree(Transcript transcript) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", transcript.text());
        tree.put("confidence", transcript.confidence());
        tree.put("source", transcript.source().name());
        tree.put("words", transcript.words().stream().map(word -> List.of(word.text(), word.startSeconds(),
                word.endSeconds(), word.confidence())).toList());
        tree.put("readings", transcript.readings().stream().map(reading -> List.of(reading.text(), reading.score(),
                reading.unheard())).toList());
        transcript.rival().ifPresent(rival -> tree.put("rival", tree(rival)));
        return tree;
    }

    private static Transcript transcript(JsonNode tree) {
        List<Word> words = new ArrayList<>();
        tree.path("words").forEach(word -> words.add(new Word(word.get(0).asText(), word.get(1).asDouble(),
                word.get(2).asDouble(), word.get(3).asDouble())));
        List<Reading> readings = new ArrayList<>();
        tree.path("readings").forEach(reading -> readings.add(new Reading(reading.get(0).asText(),
                reading.get(1).asDouble(), reading.get(2).asInt())));
        Transcript transcript = new Transcript(tree.path("text").asText(), words, tree.path("confidence").asDouble(),
                Transcript.Source.valueOf(tree.path("source").asText()), readings);
        return tree.has("rival") ? transcript.withRival(transcript(tree.path("rival"))) : transcript;
    }
}
