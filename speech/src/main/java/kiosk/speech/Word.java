package kiosk.speech;

/** One recognized word with its position in the utterance and the recognizer's confidence (0..1). */
public record Word(String text, double startSeconds, double endSeconds, double confidence) {
}
