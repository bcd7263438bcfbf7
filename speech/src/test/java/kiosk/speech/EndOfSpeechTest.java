package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The end-of-speech policy on the real Vosk model and FreeTTS speech, through the biased recognizer the kiosk uses. */
class EndOfSpeechTest {

    /** A short silence after a complete request, a long one after a word that asks for more. */
    static final EndOfSpeech BY_WORDS = new EndOfSpeech(Duration.ofMillis(400), Duration.ofMillis(1200));
    static final List<String> PHRASES = List.of("garden hoses", "large coffee", "oat milk", "light bulbs");

    static SpeechModel model;
    static FreeTtsSynthesizer voice;

    @BeforeAll
    static void load() {
        model = SpeechModel.load(SpeechFixtures.VOSK_MODEL);
        voice = FreeTtsSynthesizer.open();
    }

    @AfterAll
    static void close() {
        voice.close();
        model.close();
    }

    @Test
    void theLastWordSaysWhetherMoreIsComing() {
        assertTrue(EndOfSpeech.endsOpen("can i get a large coffee with"));
        assertTrue(EndOfSpeech.endsOpen("i'd like a"));
        assertTrue(EndOfSpeech.endsOpen("where are the batteries and "));
        assertTrue(EndOfSpeech.endsOpen("um"));
        assertFalse(EndOfSpeech.endsOpen("where are the garden hoses"));
        assertFalse(EndOfSpeech.endsOpen("a large coffee please"));
        assertFalse(EndOfSpeech.endsOpen(""));
        assertTrue(BY_WORDS.silenceAfter("a coffee with").compareTo(BY_WORDS.silenceAfter("a coffee")) > 0);
    }

    @Test
    void offIsBothZeroAndNothingIsNegative() {
        assertTrue(EndOfSpeech.OFF.off());
        assertTrue(EndOfSpeech.after(Duration.ZERO).off());
        assertFalse(BY_WORDS.off());
        assertThrows(IllegalArgumentException.class, () -> new EndOfSpeech(Duration.ZERO, Duration.ofMillis(800)));
        assertThrows(IllegalArgumentException.class, () -> new EndOfSpeech(Duration.ofMillis(-1),
                Duration.ofMillis(800)));
    }

    @Test
    void aCompleteQuestionEndsAfterTheShortSilence() {
        Audio question = voice.speakAll("where are the garden hoses");
        long speechEnd = SpeechEnd.of(question).orElseThrow();
        Heard heard = play(question.append(Audio.silence(2000)), BY_WORDS);
        assertInstanceOf(RecognitionEvent.Endpoint.class, heard.event(), "silence should end the question");
        long wait = heard.fedMillis() - speechEnd;
        // the short silence, counted in whole 100 ms chunks after the last loud one: at most one chunk more
        assertTrue(wait >= 300 && wait <= 500, "ended " + wait + " ms after the speech");
        assertTrue(SpeechFixtures.wordErrorRate("where are the garden hoses", heard.text()) <= 0.25, heard.text());

        Heard fixed = play(question.append(Audio.silence(2000)), EndOfSpeech.after(Duration.ofMillis(800)));
        assertTrue(fixed.fedMillis() - speechEnd >= 700, "the old fixed 800 ms ended it "
                + (fixed.fedMillis() - speechEnd) + " ms after the speech");
    }

    @Test
    void aPauseAfterAnOpenWordIsWaitedOut() {
        Audio first = voice.speakAll("can I get a large coffee with");
        Audio order = first.append(Audio.silence(800)).append(voice.speakAll("oat milk"))
                .append(Audio.silence(2000));
        long pauseStart = SpeechEnd.of(first).orElseThrow();

        Heard byWords = play(order, BY_WORDS);
        assertInstanceOf(RecognitionEvent.Endpoint.class, byWords.event());
        assertTrue(byWords.fedMillis() > first.durationMillis() + 800, "ended at " + byWords.fedMillis()
                + " ms, in the pause after \"with\" (" + pauseStart + " ms)");
        assertTrue(byWords.text().contains("milk"), byWords.text());

        // the same short silence whatever was heard cuts the order off at the pause
        Heard fixedShort = play(order, EndOfSpeech.after(BY_WORDS.afterComplete()));
        assertTrue(fixedShort.fedMillis() < first.durationMillis() + 800, "ended at " + fixedShort.fedMillis());
        assertFalse(fixedShort.text().contains("milk"), fixedShort.text());
    }

    @Test
    void aSteadyHumIsNotSpeech() {
        Audio question = voice.speakAll("where are the garden hoses");
        long speechEnd = SpeechEnd.of(question).orElseThrow();
        // a fan running all along: the floor is the hum, and the silence after the question is counted as usual
        Audio withFan = mix(Audio.silence(1000).append(question).append(Audio.silence(3000)), 500);
        Heard heard = play(withFan, BY_WORDS);
        assertInstanceOf(RecognitionEvent.Endpoint.class, heard.event());
        long wait = heard.fedMillis() - 1000 - speechEnd;
        assertTrue(wait >= 300 && wait <= 500, "ended " + wait + " ms after the speech");
        // a fan switched on as the shopper stops, louder than speech's threshold: counted as speech until it has
        // lasted the floor's window, then as the silence it is
        Audio fanAfter = question.append(mix(Audio.silence(8000), 1000));
        Heard late = play(fanAfter, BY_WORDS);
        assertInstanceOf(RecognitionEvent.Endpoint.class, late.event(), "the hum never ended the utterance");
        assertTrue(late.fedMillis() < question.durationMillis() + 7000, "ended at " + late.fedMillis());
    }

    @Test
    void aCompleteTurnEndsAfterItsShortSilenceAndTheJudgeIsAskedOnlyInSilence() {
        Audio question = voice.speakAll("where are the garden hoses");
        long speechEnd = SpeechEnd.of(question).orElseThrow();
        java.util.List<String> asked = new java.util.ArrayList<>();
        EndOfSpeech semantic = EndOfSpeech.after(Duration.ofMillis(600)).whenComplete(Duration.ofMillis(200),
                heard -> {
                    asked.add(heard);
                    return heard.contains("hoses");
                });
        Heard heard = play(question.append(Audio.silence(2000)), semantic);
        assertInstanceOf(RecognitionEvent.Endpoint.class, heard.event());
        assertTrue(((RecognitionEvent.Endpoint) heard.event()).completeTurn(), "ended as a complete turn");
        long wait = heard.fedMillis() - speechEnd;
        assertTrue(wait >= 100 && wait <= 300, "ended " + wait + " ms after the speech");
        assertEquals(asked.stream().distinct().toList(), asked, "each text judged once: " + asked);
        assertTrue(asked.size() <= 2, "judged only in the silence after the speech: " + asked);

        // the same words, judged incomplete: the long silence
        Heard waited = play(question.append(Audio.silence(2000)), EndOfSpeech.after(Duration.ofMillis(600))
                .whenComplete(Duration.ofMillis(200), text -> false));
        assertFalse(((RecognitionEvent.Endpoint) waited.event()).completeTurn());
        assertTrue(waited.fedMillis() - speechEnd >= 500, "ended " + (waited.fedMillis() - speechEnd) + " ms after");
    }

    @Test
    void aJudgeAsideEndsTheTurnAtTheSameChunkHavingJudgedAheadOnItsOwnThread() {
        Audio question = voice.speakAll("where are the garden hoses").append(Audio.silence(2000));
        TurnCompleteness judge = heard -> heard.contains("hoses");
        Heard here = play(question, EndOfSpeech.after(Duration.ofMillis(600)).whenComplete(Duration.ofMillis(200),
                judge));
        java.util.List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        Heard aside;
        try (TurnJudge judges = TurnJudge.start()) {
            aside = play(question, EndOfSpeech.after(Duration.ofMillis(600)).whenComplete(Duration.ofMillis(200),
                    judges.aside(heard -> {
                        threads.add(Thread.currentThread().getName());
                        return judge.complete(heard);
                    })));
        }
        assertTrue(((RecognitionEvent.Endpoint) here.event()).completeTurn());
        assertTrue(((RecognitionEvent.Endpoint) aside.event()).completeTurn());
        assertEquals(here.fedMillis(), aside.fedMillis(), "the same verdict at the same chunk");
        assertEquals(here.text(), aside.text());
        assertTrue(threads.contains("kiosk-turn-judge"), "judged ahead, on the judge's thread: " + threads);
    }

    @Test
    void aWordAskingForMoreIsNeverCompleteEarly() {
        Audio first = voice.speakAll("can I get a large coffee with");
        Audio order = first.append(Audio.silence(400)).append(voice.speakAll("oat milk")).append(Audio.silence(2000));
        // a judge that takes anything for complete: the open last word still waits the long silence
        Heard heard = play(order, EndOfSpeech.after(Duration.ofMillis(1200)).whenComplete(Duration.ofMillis(200),
                text -> true));
        assertTrue(heard.text().contains("milk"), heard.text());
    }

    @Test
    void theSilenceAfterACompleteTurnIsShortButNotNone() {
        assertThrows(IllegalArgumentException.class, () -> EndOfSpeech.after(Duration.ofMillis(600))
                .whenComplete(Duration.ZERO, text -> true));
        assertThrows(IllegalArgumentException.class, () -> EndOfSpeech.after(Duration.ofMillis(600))
                .whenComplete(Duration.ofMillis(700), text -> true));
        assertFalse(EndOfSpeech.after(Duration.ofMillis(600)).semantic());
        assertTrue(EndOfSpeech.after(Duration.ofMillis(600)).whenComplete(Duration.ofMillis(200), t -> true)
                .semantic());
    }

    /** The clip with a 120 Hz hum of this RMS added. */
    private static Audio mix(Audio clip, double rms) {
        short[] samples = clip.samples();
        for (int i = 0; i < samples.length; i++) {
            double hum = rms * Math.sqrt(2) * Math.sin(2 * Math.PI * 120 * i / AudioFormat.SPEECH.sampleRate());
            samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, samples[i] + hum));
        }
        return Audio.ofSamples(samples);
    }

    private record Heard(RecognitionEvent event, long fedMillis, String text) {
    }

    /** Plays the clip into the biased recognizer until its endpoint (or the clip's end). */
    private static Heard play(Audio clip, EndOfSpeech policy) {
        try (StreamingRecognizer recognizer = model.open(RecognizerOptions.biased(PHRASES).withEndOfSpeech(policy))) {
            long fed = 0;
            for (AudioChunk chunk : clip.chunks(Transcriber.CHUNK_MILLIS)) {
                fed += chunk.durationMillis();
                RecognitionEvent event = recognizer.accept(chunk);
                if (event instanceof RecognitionEvent.Endpoint endpoint) {
                    return new Heard(event, fed, endpoint.transcript().text());
                }
            }
            return new Heard(new RecognitionEvent.Nothing(), fed, recognizer.finish().text());
        }
    }
}
