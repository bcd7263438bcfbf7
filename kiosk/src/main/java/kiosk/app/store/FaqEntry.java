package kiosk.app.store;

import java.util.List;

/** A policy or service question in several phrasings, with the store's answer. */
public record FaqEntry(String id, List<String> questions, String answer) {

    public FaqEntry {
        questions = List.copyOf(questions);
    }
}
