package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;

import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening hours at their edges, on a copy of the demo store: hours store.yaml cannot give ("25:99-99:00", "24/7") make
 * the kiosk say it does not know them, never that the store is closed (issue 14, finding 6); a holiday's own hours,
 * unlike any weekday's, are store facts the grounding check lets through (issue 12).
 */
class HoursAnswersTest {

    static final Clock TUESDAY_NOON = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    static Path store;
    static StoreAssistant assistant;

    @BeforeAll
    static void load() throws IOException {
        store = Files.createTempDirectory("unknown-hours");
        try (Stream<Path> files = Files.list(Path.of("demo-store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, store.resolve(file.getFileName()));
            }
        }
        String yaml = Files.readString(store.resolve("store.yaml"));
        String broken = yaml.replaceFirst("mon: \"[^\"]*\"", "mon: \"25:99-99:00\"")
                .replaceFirst("thu: \"[^\"]*\"", "thu: \"24/7\"")
                .replace("\"2026-12-24\": \"08:00-18:00\"", "\"2026-12-24\": \"09:30-14:00\"");
        assertFalse(broken.equals(yaml), "the demo store's Monday and Thursday hours were replaced");
        assertTrue(broken.contains("09:30-14:00"), "Christmas Eve has hours no weekday has");
        Files.writeString(store.resolve("store.yaml"), broken);
        StoreKnowledge knowledge = StoreLoader.load(store).knowledge().orElseThrow();
        assistant = StoreAssistant.create(knowledge, EncoderFixture.encoder(), TUESDAY_NOON);
    }

    @AfterAll
    static void remove() throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aDayWhoseHoursCannotBeReadIsUnknownNotClosed() {
        for (String question : new String[] {"are you open on monday", "when do you close on thursday",
                "what are your hours", "are you open this weekend or on monday"}) {
            String answer = assistant.newConversation().respond(question).answer();
            assertFalse(answer.toLowerCase().matches(".*closed (on )?(monday|thursday).*"),
                    question + " -> " + answer);
            assertFalse(answer.toLowerCase().contains("open closed"), question + " -> " + answer);
        }
        String monday = assistant.newConversation().respond("are you open on monday").answer();
        assertTrue(monday.contains("don't have"), "says it does not know: " + monday);
        String weekly = assistant.newConversation().respond("what are your hours").answer();
        assertTrue(weekly.contains("Monday I don't have the hours"), "weekly hours: " + weekly);
    }

    @Test
    void aDateNamedByItsMonthAndDayGetsThatDatesHours() {
        // written, as the normalizer leaves "24th" ("twenty four th"), and said ("december twenty fourth")
        for (String question : new String[] {"what are your hours on december 24th", "are you open dec 24",
                "hours on the 24th of december", "are you open december twenty fourth"}) {
            Reply reply = assistant.newConversation().respond(question);
            assertTrue(reply.answer().contains("December 24") && reply.answer().contains("9:30 a.m.")
                    && reply.answer().contains("2 p.m."), question + " -> " + reply.answer());
        }
        // a date the store lists no hours for gets its weekday's, said with the date; one that does not exist, none
        String sunday = assistant.newConversation().respond("are you open on january 3rd").answer();
        assertTrue(sunday.startsWith("On Sunday, January 3 "), sunday);
        String noSuchDay = assistant.newConversation().respond("are you open on february 30th").answer();
        assertFalse(noSuchDay.contains("February"), noSuchDay);
    }

    @Test
    void holidayHoursOfTheirOwnAreAnsweredNotEscalated() {
        Reply reply = assistant.newConversation().respond("are you open on christmas eve");
        assertFalse(reply.escalate(), "answered, not handed to a person: " + reply.answer());
        assertTrue(reply.answer().contains("9:30 a.m.") && reply.answer().contains("2 p.m."), reply.answer());
    }
}
