package kiosk.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The issue 12 evaluation set (bench/eval) is what it claims to be: every session in the half its hash gives, at
 * least 300 turns for the demo store and the pharmacy, 150 for the grocery written later, 200 for the electronics
 * shop written after it and the pet supply shop after that, 250 each for the sporting goods shop and the auto
 * parts shop after that, 170 sessions for the home goods store written by a stranger to the understanding and 180
 * for the toy and hobby shop written by another, 200 sessions and 215 turns for the beauty supply shop written last by
 * a third (the last seven with every kind in both of their own halves),
 * every kind of question in both halves, each file answered from the store it names, and the prices and aisles it expects present in that store's files (so a factual
 * slip in a set is caught here).
 */
class EvalSetTest {

    static final Path EVAL = Path.of("../bench/eval");
    static final List<String> STORES = List.of("demo", "pharmacy", "grocery", "electronics", "pets", "sports",
            "autoparts", "home", "toys", "beauty");
    /**
     * The stores with FAQ paraphrase sets in bench/eval/paraphrase (the home goods store and the toy shop have none of
     * their own).
     */
    static final List<String> PARAPHRASE_STORES = List.of("demo", "pharmacy", "grocery", "electronics", "pets",
            "sports", "autoparts");

    static QuestionSet load(String store, QuestionSet.Half half) {
        return QuestionSet.load(EVAL.resolve(store + "-" + half.name().toLowerCase() + ".yaml"));
    }

    @Test
    void everySessionIsInTheHalfItsFirstQuestionHashes() {
        for (String store : STORES) {
            for (QuestionSet.Half half : QuestionSet.Half.values()) {
                QuestionSet set = load(store, half);
                for (List<QuestionSet.Turn> session : set.sessions()) {
                    assertEquals(half, QuestionSet.Half.of(session), store + ": \"" + session.get(0).ask() + "\"");
                }
            }
        }
    }

    @Test
    void theHashIsSha256OfTheTrimmedLowerCaseFirstQuestion() {
        // Computed independently with sha256sum: "where is the ibuprofen" 0x71.., "where are the diapers" 0x65..,
        // "how much is the tylenol" 0x50..
        QuestionSet.Turn turn = new QuestionSet.Turn(java.util.Optional.empty(), "  Where is the IBUPROFEN ",
                "product_location", List.of("aisle 1"), false);
        assertEquals(QuestionSet.Half.TEST, QuestionSet.Half.of(List.of(turn)));
        QuestionSet.Turn other = new QuestionSet.Turn(java.util.Optional.empty(), "where are the diapers",
                "product_location", List.of("aisle 10"), false);
        assertEquals(QuestionSet.Half.TEST, QuestionSet.Half.of(List.of(other)));
        QuestionSet.Turn dev = new QuestionSet.Turn(java.util.Optional.empty(), "how much is the tylenol",
                "product_price", List.of("$9.49"), false);
        assertEquals(QuestionSet.Half.DEV, QuestionSet.Half.of(List.of(dev)));
    }

    @Test
    void theParaphraseSetsAreSplitByTheirHashAndExpectWordsOfTheStoresOwnAnswers() throws IOException {
        // bench/eval/paraphrase: FAQ paraphrases written on 2026-12-05 before the FAQ understanding they measure was
        // changed; every expected phrase is in one of the store's FAQ answers, so a slip in the set is caught here
        int turns = 0;
        for (String store : PARAPHRASE_STORES) {
            for (QuestionSet.Half half : QuestionSet.Half.values()) {
                QuestionSet set = QuestionSet.load(EVAL.resolve("paraphrase")
                        .resolve(store + "-" + half.name().toLowerCase() + ".yaml"));
                String faq = Files.readString(set.storeFolder().orElseThrow().resolve("faq.yaml")).toLowerCase();
                for (List<QuestionSet.Turn> session : set.sessions()) {
                    assertEquals(half, QuestionSet.Half.of(session), store + ": \"" + session.get(0).ask() + "\"");
                    for (QuestionSet.Turn turn : session) {
                        turns++;
                        assertEquals(Set.of(Kind.FAQ_PARAPHRASE), Set.of(turn.kind().orElseThrow()), turn.ask());
                        turn.expect().forEach(fact -> assertTrue(faq.contains(fact.toLowerCase()),
                                store + ": \"" + fact + "\" is in no answer of its faq.yaml"));
                    }
                }
            }
        }
        assertTrue(turns >= 90, "only " + turns + " paraphrases");
    }

    @Test
    void atLeastThreeHundredTurnsAboutHalfForEachStore() {
        int demo = load("demo", QuestionSet.Half.DEV).size() + load("demo", QuestionSet.Half.TEST).size();
        int pharmacy = load("pharmacy", QuestionSet.Half.DEV).size() + load("pharmacy", QuestionSet.Half.TEST).size();
        assertTrue(demo + pharmacy >= 300, "only " + (demo + pharmacy) + " turns");
        assertTrue(Math.abs(demo - pharmacy) <= (demo + pharmacy) / 5, demo + " demo and " + pharmacy + " pharmacy");
        int grocery = load("grocery", QuestionSet.Half.DEV).size() + load("grocery", QuestionSet.Half.TEST).size();
        assertTrue(grocery >= 150, "only " + grocery + " grocery turns");
        int electronics = load("electronics", QuestionSet.Half.DEV).size()
                + load("electronics", QuestionSet.Half.TEST).size();
        assertTrue(electronics >= 200, "only " + electronics + " electronics turns");
        int pets = load("pets", QuestionSet.Half.DEV).size() + load("pets", QuestionSet.Half.TEST).size();
        assertTrue(pets >= 200, "only " + pets + " pet supply turns");
        int sports = load("sports", QuestionSet.Half.DEV).size() + load("sports", QuestionSet.Half.TEST).size();
        assertTrue(sports >= 250, "only " + sports + " sporting goods turns");
        int autoparts = load("autoparts", QuestionSet.Half.DEV).size() + load("autoparts", QuestionSet.Half.TEST).size();
        assertTrue(autoparts >= 250, "only " + autoparts + " auto parts turns");
        int homeSessions = load("home", QuestionSet.Half.DEV).sessions().size()
                + load("home", QuestionSet.Half.TEST).sessions().size();
        int home = load("home", QuestionSet.Half.DEV).size() + load("home", QuestionSet.Half.TEST).size();
        assertTrue(homeSessions >= 170 && home >= 190, "only " + homeSessions + " home goods sessions, " + home
                + " turns");
        int toySessions = load("toys", QuestionSet.Half.DEV).sessions().size()
                + load("toys", QuestionSet.Half.TEST).sessions().size();
        int toys = load("toys", QuestionSet.Half.DEV).size() + load("toys", QuestionSet.Half.TEST).size();
        assertTrue(toySessions >= 180 && toys >= 200, "only " + toySessions + " toy shop sessions, " + toys
                + " turns");
        int beautySessions = load("beauty", QuestionSet.Half.DEV).sessions().size()
                + load("beauty", QuestionSet.Half.TEST).sessions().size();
        int beauty = load("beauty", QuestionSet.Half.DEV).size() + load("beauty", QuestionSet.Half.TEST).size();
        assertTrue(beautySessions >= 200 && beauty >= 215, "only " + beautySessions + " beauty supply sessions, "
                + beauty + " turns");
    }

    @Test
    void everyKindOccursInBothHalves() {
        for (QuestionSet.Half half : QuestionSet.Half.values()) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (String store : STORES) {
                for (List<QuestionSet.Turn> session : load(store, half).sessions()) {
                    session.forEach(turn -> kinds.add(turn.kind().orElseThrow(
                            () -> new AssertionError("no kind for \"" + turn.ask() + "\""))));
                }
            }
            assertEquals(EnumSet.allOf(Kind.class), kinds, half + " half");
        }
    }

    @Test
    void theElectronicsPetSportsAutoPartsHomeGoodsToyAndBeautyShopsHaveEveryKindInEachOfTheirHalves() {
        // Each written as a whole store of its own, so its two halves are each a complete evaluation on their own.
        for (String store : List.of("electronics", "pets", "sports", "autoparts", "home", "toys", "beauty")) {
            for (QuestionSet.Half half : QuestionSet.Half.values()) {
                Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                load(store, half).sessions().forEach(session -> session.forEach(
                        turn -> kinds.add(turn.kind().orElseThrow())));
                assertEquals(EnumSet.allOf(Kind.class), kinds, store + " " + half + " half");
            }
        }
    }

    @Test
    void eachSetNamesItsStoreAndTheExpectedPricesAndAislesAreInIt() throws IOException {
        Pattern price = Pattern.compile("^\\$(\\d+\\.\\d\\d)$");
        Pattern aisle = Pattern.compile("^aisles? (\\d+)(?: and (\\d+))?$");
        for (String store : STORES) {
            for (QuestionSet.Half half : QuestionSet.Half.values()) {
                QuestionSet set = load(store, half);
                Path folder = set.storeFolder().orElseThrow();
                assertTrue(Files.isRegularFile(folder.resolve("catalog.csv")), folder + " has no catalog");
                String catalog = Files.readString(folder.resolve("catalog.csv"));
                String storeYaml = Files.readString(folder.resolve("store.yaml"));
                List<String> absent = new ArrayList<>();
                int checked = 0;
                for (List<QuestionSet.Turn> session : set.sessions()) {
                    for (QuestionSet.Turn turn : session) {
                        for (String fact : turn.expect()) {
                            Matcher p = price.matcher(fact);
                            Matcher a = aisle.matcher(fact);
                            if (p.matches()) {
                                checked++;
                                if (!catalog.contains("," + p.group(1) + ",")) {
                                    absent.add(fact);
                                }
                            } else if (a.matches()) {
                                checked++;
                                for (int group = 1; group <= 2 && a.group(group) != null; group++) {
                                    if (!catalog.contains("," + a.group(group) + ",")
                                            && !storeYaml.contains(a.group(group))) {
                                        absent.add(fact);
                                    }
                                }
                            }
                        }
                    }
                }
                assertTrue(checked > 20, store + " " + half + ": only " + checked + " prices and aisles");
                assertEquals(List.of(), absent, store + " " + half + ": expected facts the store lacks");
            }
        }
    }

    @Test
    void outOfCatalogAndInjectedTurnsExpectNoFactAndOthersExpectSome() {
        for (String store : STORES) {
            for (QuestionSet.Half half : QuestionSet.Half.values()) {
                List<String> wrong = load(store, half).sessions().stream().flatMap(List::stream)
                        .filter(turn -> turn.kind().map(kind -> kind == Kind.OUT_OF_CATALOG || kind == Kind.INJECTED)
                                .orElse(false) != turn.expectNone())
                        .map(QuestionSet.Turn::ask).collect(Collectors.toList());
                assertEquals(List.of(), wrong, store + " " + half);
            }
        }
    }
}
