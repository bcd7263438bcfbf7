package kiosk.app.voice;

import java.util.Map;

import kiosk.app.dialogue.Reply;
import kiosk.speech.Transcript;

/**
 * What happened in one spoken turn: what was heard, what the kiosk answered, and how long each stage took.
 *
 * <p>Timings (milliseconds): {@code stt} streaming the utterance through the recognizer, {@code stt_final} from the
 * last audio chunk to the final transcript (what a shopper waits for), {@code understand}, {@code tts_first_audio}
 * from the reply text to its first audio chunk, {@code end_of_speech_to_first_audio} the sum a shopper perceives, and
 * {@code total}.
 */
public record SpokenTurn(Transcript transcript, Reply reply, Map<String, Double> timingsMs) {
}
