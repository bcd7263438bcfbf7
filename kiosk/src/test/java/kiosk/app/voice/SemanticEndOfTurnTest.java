package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiosk.app.KioskPaths;
import kiosk.speech.Audio;
import kiosk.speech.AudioFormat;
import kiosk.speech.SpeechEnd;
import kiosk.speech.Transcriber;
import kiosk.speech.TurnCompleteness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic end of turn on the live path, with the real Vosk model, FreeTTS speech and the demo store's
 * understanding (ONNX encoder): a question the store answers at once ends after the short silence, a question still
 * missing its point waits out a pause, and words said right after an early end are the same question.
 */
class SemanticEndOfTurnTest {

    @TempDir
    static Path state;
    static KioskModels models;
    static StoreKiosk kiosk;
    static VoiceTurns voice;

    @BeforeAll
    static void load() {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), state);
        models = new KioskModels(paths);
        List<String> problems = new ArrayList<>();
        kiosk = StoreKiosk.open(paths.store(), models, problems::add);
        assertEquals(List.of(), problems);
        voice = kiosk.voiceTurns();
    }

    @AfterAll
    static void close() {
        models.close();
    }

    private static Audio say(String text) {
        return models.synthesizer().speakAll(text);
    }

    /**
     * {@code text} spoken, cut where its speech begins and ends (FreeTTS adds silence of its own, up to a second), so
     * that a pause put between two parts is the pause the shopper makes.
     */
    private static Audio sayExactly(String text) {
        short[] samples = say(text).samples();
        int perMilli = AudioFormat.SPEECH.sampleRate() / 1000;
        int end = (int) SpeechEnd.of(Audio.ofSamples(samples)).orElseThrow() * perMilli;
        short[] reversed = new short[end];
        for (int i = 0; i < end; i++) {
            reversed[i] = samples[end - 1 - i];
        }
        // the speech's start is where the reversed speech ends
        int start = end - (int) SpeechEnd.of(Audio.ofSamples(reversed)).orElseThrow() * perMilli;
        return Audio.ofSamples(java.util.Arrays.copyOfRange(samples, start, end));
    }

    @Test
    void theSessionTellsACompleteQuestionFromAnUnfinishedOne() {
        ShopperSession session = kiosk.newSession();
        assertTrue(session.answersClearly("where is the duct tape"));
        assertTrue(session.answersClearly("when do you close on sunday"));
        assertFalse(session.answersClearly("where is the"));
        assertFalse(session.answersClearly("um"));
        assertFalse(session.answersClearly("hello"), "a greeting: the question follows");
        assertFalse(session.answersClearly("how much is it"), "a follow-up is never complete early");
        assertFalse(session.answersClearly("where is the glue"), "several glues: it would be asked back");
    }

    @Test
    void aCompleteQuestionEndsAfterTheShortSilence() {
        Audio question = say("where is the duct tape");
        long speechEnd = SpeechEnd.of(question).orElseThrow();
        Transcriber.Result heard = voice.listen(Transcriber.source(question.append(Audio.silence(2000))), true,
                kiosk.newSession(), partial -> { }, () -> false);
        assertEquals(Transcriber.Ending.COMPLETE_TURN, heard.ending(), heard.transcript().text());
        long wait = heard.audioMillis() - speechEnd;
        // the short silence in whole chunks after the last loud one: at most one chunk more, far from the long one
        assertTrue(wait >= VoiceTurns.COMPLETE_TURN_SILENCE.toMillis() - Transcriber.CHUNK_MILLIS
                && wait <= VoiceTurns.COMPLETE_TURN_SILENCE.toMillis() + Transcriber.CHUNK_MILLIS,
                "ended " + wait + " ms after the speech");
        assertTrue(heard.transcript().text().contains("tape"), heard.transcript().text());
    }

    @Test
    void anUnfinishedQuestionIsNotCutAtAPause() {
        // a pause longer than the short silence, shorter than the long one
        assertWaitedOut(sayExactly("where is the").append(Audio.silence(400)).append(sayExactly("duct tape")));
    }

    @Test
    void aGreetingIsNotTheQuestion() {
        assertWaitedOut(sayExactly("hello").append(Audio.silence(400)).append(sayExactly("where is the duct tape")));
    }

    private static void assertWaitedOut(Audio question) {
        long speechEnd = SpeechEnd.of(question).orElseThrow();
        Transcriber.Result heard = voice.listen(Transcriber.source(question.append(Audio.silence(2000))), true,
                kiosk.newSession(), partial -> { }, () -> false);
        assertTrue(heard.endedBySilence(), heard.ending().toString());
        assertTrue(heard.audioMillis() > speechEnd, "ended at " + heard.audioMillis() + " ms, before the speech's end "
                + speechEnd + " ms: \"" + heard.transcript().text() + "\"");
        assertTrue(heard.transcript().text().contains("tape"), heard.transcript().text());
    }

    @Test
    void wordsRightAfterAnEarlyEndAreAppendedToTheQuestion() {
        Audio question = sayExactly("where is the duct tape").append(Audio.silence(400))
                .append(sayExactly("and the flashlights"))
                .append(Audio.silence(2000));
        List<String> replies = new ArrayList<>();
        SpokenTurn turn = voice.take(Transcriber.source(question), true, kiosk.newSession(), chunk -> { });
        replies.add(turn.reply().answer());
        assertEquals(1.0, turn.timingsMs().get("resumed"), "the first part ended early and the shopper went on");
        String heard = turn.transcript().text();
        assertTrue(heard.contains("tape") && heard.contains("flashlight"), "one question: \"" + heard + "\"");
    }

    @Test
    void resumptionStopsTheReplyAtOnce() {
        Audio first = sayExactly("where is the duct tape").append(Audio.silence(300));
        Audio source = first.append(sayExactly("and the flashlights")).append(Audio.silence(1500));
        var chunks = Transcriber.source(source);
        ShopperSession session = kiosk.newSession();
        Transcriber.Result heard = voice.listen(chunks, true, session, partial -> { }, () -> false);
        assertEquals(Transcriber.Ending.COMPLETE_TURN, heard.ending(), heard.transcript().text());
        boolean[] stopped = {false};
        long[] stoppedAfterMillis = {-1};
        List<String> partials = new ArrayList<>();
        var more = voice.listenOn(chunks, heard, session, () -> {
            stopped[0] = true;
            stoppedAfterMillis[0] = partials.size();
        }, partials::add, () -> false);
        assertTrue(more.isPresent(), "the shopper went on");
        assertTrue(stopped[0], "the reply was told to stop");
        assertEquals(0, stoppedAfterMillis[0], "before any later word was shown: at the first one");
        assertTrue(more.get().audioMillis() > heard.audioMillis());
    }

    /**
     * Over steady background noise, the shopper goes on at once after an early end: the continuation's first chunk
     * already holds words, and the silence after them is noise at the level heard all along. The continuation must
     * judge its speech against the noise floor heard before the early end, not against its own first (loud) chunk,
     * or it never counts a chunk as speech, and so never ends by silence (issue 13).
     */
    @Test
    void aContinuationThatStartsWithWordsOverNoiseIsEndedBySilence() {
        Audio question = sayExactly("where is the duct tape");
        Audio rest = sayExactly("and the hammers");
        ShopperSession session = kiosk.newSession();
        // first where the early end falls, on the question alone over the noise (audio time: the same again below)
        Audio alone = withNoise(Audio.silence(1000).append(question).append(Audio.silence(2000)), 1);
        Transcriber.Result early = voice.listen(Transcriber.source(alone), true, session, partial -> { },
                () -> false);
        assertEquals(Transcriber.Ending.COMPLETE_TURN, early.ending(), early.transcript().text());
        // then the same audio up to that endpoint, and the rest of the question starting in the very next chunk
        int perMilli = AudioFormat.SPEECH.sampleRate() / 1000;
        Audio firstPart = Audio.ofSamples(java.util.Arrays.copyOf(alone.samples(),
                (int) early.audioMillis() * perMilli));
        Audio source = firstPart.append(withNoise(rest.append(Audio.silence(2000)), 2));
        long restSpeechEnd = early.audioMillis() + rest.durationMillis();

        var chunks = Transcriber.source(source);
        Transcriber.Result heard = voice.listen(chunks, true, session, partial -> { }, () -> false);
        assertEquals(Transcriber.Ending.COMPLETE_TURN, heard.ending(), heard.transcript().text());
        assertEquals(early.audioMillis(), heard.audioMillis(), "the same early end on the same audio");
        var more = voice.listenOn(chunks, heard, session, () -> { }, partial -> { }, () -> false);
        assertTrue(more.isPresent(), "the shopper went on");
        Transcriber.Result whole = more.get();
        assertTrue(whole.endedBySilence(), "the continuation ended by " + whole.ending() + " at "
                + whole.audioMillis() + " of " + source.durationMillis() + " ms, not by the silence after its words "
                + "(they end at " + restSpeechEnd + " ms): \"" + whole.transcript().text() + "\"");
        assertTrue(whole.audioMillis() > restSpeechEnd, "ended at " + whole.audioMillis()
                + " ms, before the words' end " + restSpeechEnd + " ms: \"" + whole.transcript().text() + "\"");
        assertTrue(whole.audioMillis() <= restSpeechEnd + VoiceTurns.END_OF_SPEECH.afterComplete().toMillis()
                + Transcriber.CHUNK_MILLIS, "ended " + (whole.audioMillis() - restSpeechEnd) + " ms after the words");
        String text = whole.transcript().text();
        assertTrue(text.contains("tape") && text.contains("hammer"), "both parts kept: \"" + text + "\"");
    }

    /** The clip with steady white noise of RMS {@value #NOISE_RMS} added (a busy aisle, an air conditioner). */
    private static Audio withNoise(Audio clip, long seed) {
        java.util.Random random = new java.util.Random(seed);
        short[] samples = clip.samples();
        for (int i = 0; i < samples.length; i++) {
            double noisy = samples[i] + NOISE_RMS * random.nextGaussian();
            samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(noisy)));
        }
        return Audio.ofSamples(samples);
    }

    /** Above the endpointer's least speech level (300): only the noise floor tells this noise from speech. */
    private static final double NOISE_RMS = 500;

    @Test
    void theVerdictIsTheSameOnTheJudgesThreadAndAskedAgain() {
        List<String> texts = List.of("where is the duct tape", "where is the duct", "where is the",
                "when do you close on sunday", "hello", "how much is it", "where is the glue", "i need someone",
                "do you have nine volt batteries", "something to see in the dark", "thanks", "um");
        ShopperSession aside = kiosk.newSession();
        TurnCompleteness ahead = models.speechModel().judgedAhead(aside::answersClearly);
        for (String text : texts) {
            ahead.expect(text); // judged on the judge's thread, as the endpointer has it judged in a pause
            boolean here = kiosk.newSession().answersClearly(text);
            assertEquals(here, ahead.complete(text), text);
            assertEquals(here, aside.answersClearly(text), "asked again: " + text);
        }
    }

    @Test
    void aQuestionAnsweredEarlyIsUnderstoodOnceAndSilenceAfterItEndsNothing() {
        Audio question = say("where is the duct tape").append(Audio.silence(1500));
        var chunks = Transcriber.source(question);
        ShopperSession session = kiosk.newSession();
        Transcriber.Result heard = voice.listen(chunks, true, session, partial -> { }, () -> false);
        assertEquals(Transcriber.Ending.COMPLETE_TURN, heard.ending());
        assertTrue(voice.listenOn(chunks, heard, session, () -> { }, partial -> { }, () -> false).isEmpty(),
                "silence after the early end: no resumption");
        assertTrue(session.respond(heard.transcript()).answer().contains("14"), "duct tape is in aisle 14");
    }
}
