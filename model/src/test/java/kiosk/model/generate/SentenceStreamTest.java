package kiosk.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceStreamTest {

    /** A clock the test moves by hand, so the budget is exceeded exactly where the test says. */
    static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static List<String> split(String... pieces) {
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add);
        for (String piece : pieces) {
            stream.accept(piece);
        }
        stream.finish();
        return sentences;
    }

    @Test
    void eachSentenceIsHandedOnAsSoonAsTheTokenAfterItArrives() {
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add);
        String[] pieces = {"The", " tape", " is", " in", " aisle", " 7", ".", " It", " costs", " $", "8", ".", "98",
            " a", " roll", "!", " Anything", " else", "?"};
        List<Integer> sizes = new ArrayList<>();
        for (String piece : pieces) {
            stream.accept(piece);
            sizes.add(sentences.size());
        }
        // the first sentence is out when " It" arrives (index 7), the second when " Anything" arrives (index 16)
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2), sizes);
        assertEquals(List.of("The tape is in aisle 7.", "It costs $8.98 a roll!"), sentences);
        stream.finish();
        assertEquals(List.of("The tape is in aisle 7.", "It costs $8.98 a roll!", "Anything else?"), sentences);
        assertFalse(stream.cut());
    }

    @Test
    void decimalsAbbreviationsAndListNumbersDoNotEndASentence() {
        assertEquals(List.of("Drills are on Main St. next to the café, e.g. the Bosch one is $89.99 today.",
                "Ask at till No. 5 for help."),
                split("Drills are on Main St", ". next to the café, e.g", ". the Bosch one is $89", ".", "99 today.",
                        " Ask at till No", ". ", "5 for help."));
        assertEquals(List.of("1. Go to aisle 5.", "2. Turn left."), split("1. Go to aisle 5.\n2. Turn left."));
        assertEquals(List.of("The answer is no.", "We close at 9."), split("The answer is no. We close at 9."));
        // closing quotes stay with their sentence; an ellipsis or "?!" followed by a space ends one
        assertEquals(List.of("He said \"aisle 4.\"", "Then left...", "Or right?!", "Yes."),
                split("He said \"aisle 4.\" Then left... Or right?! Yes."));
    }

    @Test
    void aLineBreakEndsASentenceAndFinishFlushesTheRemainder() {
        assertEquals(List.of("Hammers", "Nails in bulk"), split("Hammers\n", "\n", "Nails in bulk"));
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add);
        stream.accept("We open at 8.");
        assertEquals(List.of(), sentences, "'8.' may still go on as '8.30'");
        stream.finish();
        assertEquals(List.of("We open at 8."), sentences);
        stream.accept(" More text.");
        stream.finish();
        assertEquals(List.of("We open at 8."), sentences, "nothing after finish");
    }

    @Test
    void theTimeBudgetStopsTheStreamAtTheNextSentenceBoundary() {
        FakeClock clock = new FakeClock();
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add, Duration.ofSeconds(2), clock);
        stream.accept("First sentence.");
        stream.accept(" Second");
        clock.advance(Duration.ofMillis(2001));
        assertFalse(stream.cut(), "no boundary yet: the sentence in progress is completed");
        stream.accept(" part");
        stream.accept(".");
        assertFalse(stream.cut());
        stream.accept(" Third");
        assertTrue(stream.cut());
        stream.accept(" sentence.");
        stream.accept(" Fourth.");
        stream.finish();
        assertEquals(List.of("First sentence.", "Second part."), sentences);
        assertTrue(stream.cut());
    }

    @Test
    void aBudgetThatRunsOutRightAtABoundaryStopsBeforeTheNextSentence() {
        FakeClock clock = new FakeClock();
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add, Duration.ofSeconds(1), clock);
        stream.accept("Aisle 3. ");
        assertEquals(List.of("Aisle 3."), sentences);
        clock.advance(Duration.ofSeconds(5));
        stream.accept("Near");
        assertTrue(stream.cut());
        stream.accept(" the paint.");
        stream.finish();
        assertEquals(List.of("Aisle 3."), sentences);
    }

    @Test
    void withinTheBudgetNothingIsCut() {
        FakeClock clock = new FakeClock();
        List<String> sentences = new ArrayList<>();
        SentenceStream stream = new SentenceStream(sentences::add, Duration.ofSeconds(10), clock);
        stream.accept("One. Two. ");
        clock.advance(Duration.ofSeconds(10));
        stream.accept("Three.");
        stream.finish();
        assertFalse(stream.cut(), "exactly at the budget is still within it");
        assertEquals(List.of("One.", "Two.", "Three."), sentences);
    }
}
