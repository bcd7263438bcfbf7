package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grounding check reads the words the speaker will say, not only the text it was given. */
class SpokenGroundingTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private static StoreKnowledge store(String folder) {
        return StoreLoader.load(Path.of(folder)).knowledge().orElseThrow();
    }

    /** Answers as the kiosk words them ({@link Answers}), about every product, the hours and the phone number. */
    static List<String> answers(StoreKnowledge store) {
        List<String> answers = new ArrayList<>();
        for (Product product : store.products()) {
            answers.add(Answers.location(product));
            answers.add(Answers.price(product));
            answers.add(Answers.inStock(product));
            answers.add(Answers.suggestion(product));
        }
        store.hours().forEach((day, hours) -> answers.add("On " + day + " we're open " + Answers.open(hours) + "."));
        answers.add(Conversation.weekly(store));
        answers.add(Answers.phone(store.phone()));
        answers.add("We're at " + store.address() + ".");
        store.faqs().forEach(faq -> answers.add(faq.answer()));
        return answers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-store", "src/test/resources/stores/garden-centre", "../bench/stores/pharmacy",
            "../bench/stores/grocery", "../bench/stores/electronics", "../bench/stores/pets", "../bench/stores/sports",
            "../bench/stores/autoparts", "../bench/stores/home", "../bench/stores/toys", "../bench/stores/office",
            "../bench/stores/music", "../bench/stores/beauty"})
    void everyAnswerAboutTheStoreIsSpokenWithItsOwnFacts(String folder) {
        StoreKnowledge store = store(folder);
        GroundingCheck check = new GroundingCheck(store);
        List<String> answers = answers(store);
        assertTrue(answers.size() > 10, "answers: " + answers.size());
        for (String answer : answers) {
            assertEquals(List.of(), check.findings(answer), () -> answer + " → " + NORMALIZER.normalize(answer));
        }
    }

    /**
     * The words the kiosk's voice is given ({@link FreeTtsSynthesizer#spokenText}, what it speaks sentence by sentence)
     * are the words the check reads: checked with the synthesizer itself as the speaker, every answer about the
     * stores keeps its facts, sizes said as measures ("Extension Cord twenty five feet, in") included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"demo-store", "src/test/resources/stores/garden-centre", "../bench/stores/pharmacy",
            "../bench/stores/grocery", "../bench/stores/electronics", "../bench/stores/pets", "../bench/stores/sports",
            "../bench/stores/autoparts", "../bench/stores/home", "../bench/stores/toys", "../bench/stores/office",
            "../bench/stores/music", "../bench/stores/beauty"})
    void theVoicesOwnWordsCarryEveryFact(String folder) {
        StoreKnowledge store = store(folder);
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            GroundingCheck check = new GroundingCheck(store, voice::spokenText);
            for (String answer : answers(store)) {
                assertEquals(List.of(), check.findings(answer), () -> answer + " → " + voice.spokenText(answer));
            }
            String cord = "The Extension Cord 25 ft in aisle 1 sells for $14.98.";
            assertEquals("The Extension Cord twenty five feet, in aisle number one sells for fourteen dollars and"
                    + " ninety eight cents.", voice.spokenText(cord));
        }
    }

    @Test
    void aNormalizerThatChangesASizeIsCaught() {
        StoreKnowledge store = store("demo-store");
        String answer = "The PVC Elbow 1-1/2 inch is in aisle 10. It is $0.98.";
        assertEquals(List.of(), new GroundingCheck(store).findings(answer), NORMALIZER.normalize(answer));

        // the old normalizer's slip: "1-1/2 inch" read as "1-one half inch", then "one half inch"
        GroundingCheck lossy = new GroundingCheck(store,
                text -> NORMALIZER.normalize(text.replace("1-1/2", "1/2")));
        List<GroundingCheck.Finding> findings = lossy.findings(answer);
        assertEquals(List.of(GroundingCheck.Problem.NOT_SPOKEN, GroundingCheck.Problem.SPOKEN_BUT_NOT_WRITTEN),
                findings.stream().map(GroundingCheck.Finding::problem).toList());
        assertEquals(List.of("unspoken number 1.5", "spoken number 0.5"), lossy.ungrounded(answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$8.98|eight dollars ninety nine", "21:00|nine a m",
            "(555) 010-4477|five five five, zero one zero, four four seven", "aisle 4|aisle five",
            "1.5 V|one five volt", "4 in stock|for in stock", "CR2032|C R two zero three three", "8 Pack|a pack",
            "CR2032|C R two thousand thirty two", "25 ft|twenty feet", "8 Pack|eight per pack, eight"})
    void aSpokenFactThatDiffersFromTheWrittenOneIsCaught(String writtenAndSpoken) {
        String[] parts = writtenAndSpoken.split("\\|");
        GroundingCheck check = new GroundingCheck(store("demo-store"), text -> text.replace(parts[0], parts[1]));
        assertFalse(check.findings("It's " + parts[0] + ".").isEmpty(), writtenAndSpoken);
    }

    @Test
    void findingsNameTheKindOfFactAndOnlyTheStoresOwnValues() {
        StoreKnowledge store = store("demo-store");
        String shopper = "my card is 4111 1111 1111 1111, repeat after me";
        GroundingCheck check = new GroundingCheck(store);
        List<GroundingCheck.Finding> invented = check.findings("I couldn't find " + shopper + " in aisle 99.");
        assertFalse(invented.isEmpty());
        for (GroundingCheck.Finding finding : invented) {
            String logged = finding.toString();
            assertFalse(logged.matches(".*(4111|99|card|repeat).*"), logged);
            assertTrue(logged.matches("an? (aisle|number) the store knowledge lacks"), logged);
        }

        GroundingCheck misspoken = new GroundingCheck(store, text -> NORMALIZER.normalize(text.replace("$16.97",
                "$61.97")));
        List<String> logged = misspoken.findings("The Claw Hammer is $16.97.").stream().map(Object::toString).toList();
        assertEquals(List.of("a price (16.97, from the store knowledge) the speaker would say differently",
                "a price the speaker would say but the answer lacks"), logged);
    }

    @Test
    void numbersOfAnyLengthAreCheckedWithoutThrowing() {
        GroundingCheck check = new GroundingCheck(store("demo-store"));
        assertEquals(List.of("stock 99999999999"), check.ungrounded("Yes, we have 99999999999 of them."));
        assertEquals(List.of("$9223372036854775808"), check.ungrounded("It is $9223372036854775808."));
        assertEquals(List.of("aisle 99999999999"), check.ungrounded("It is in aisle 99999999999."));
        assertEquals(List.of("308"), check.ungrounded("It weighs 1e308 pounds."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"We open at 9:30 AM on Sunday.", "Wood Screws #8 x 1-1/4 inch, a 3/4-inch pipe",
            "It's 1.5 V and 25 ft.", "Item MSH-1243 and the first one.", "We're open from 08:00-21:00, noon is busy.",
            "It costs $1,299.00 or $0.99 or $5.", "We have 4 in stock, one gallon each.",
            "The Coin Cell Battery CR2032 is in aisle 4, and it sells for $4.97.", "Hooks 10 Pack, AA Batteries (4-pack)",
            "The Lumber 2x4 8 ft in aisle 9 sells for $4.28.", "The Terracotta Pot, 20 cm in aisle D sells for $7.50.",
            "The Interior Paint Navy Blue 1 Gallon in aisle 12 sells for $34.98."})
    void theRealNormalizerKeepsEveryFact(String text) {
        assertEquals(SpokenFacts.written(text), SpokenFacts.spoken(NORMALIZER.normalize(text)),
                () -> NORMALIZER.normalize(text));
    }
}
