package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversations against the demo store with the real encoder, on a fixed Tuesday. */
class ConversationTest {

    static final Clock TUESDAY_NOON = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    static StoreKnowledge store;
    static StoreAssistant assistant;
    static GroundingCheck grounding;

    @BeforeAll
    static void load() throws IOException {
        store = StoreLoader.load(Path.of("demo-store")).knowledge().orElseThrow();
        assistant = StoreAssistant.create(store, EncoderFixture.encoder(), TUESDAY_NOON);
        grounding = new GroundingCheck(store);
    }

    private Product product(String name) {
        return store.products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private Reply ask(Conversation conversation, String question) {
        Reply reply = conversation.respond(question);
        assertEquals(java.util.List.of(), grounding.ungrounded(reply.answer()), "grounded: " + reply.answer());
        return reply;
    }

    @Test
    void spokenFormsAndSlipsFindTheProductAndItsFacts() {
        Conversation conversation = assistant.newConversation();
        Product batteries = product("AA Batteries 8 Pack");
        Reply where = ask(conversation, "where are the double a batteries");
        assertEquals("product_location", where.intent());
        assertEquals(batteries.aisle(), where.aisle());
        assertTrue(where.answer().contains("aisle " + batteries.aisle().orElseThrow()));

        Reply tape = ask(conversation, "where is the duck tape");
        assertEquals("Duct Tape", tape.slots().get("product"));
    }

    @Test
    void followUpsReferToTheProductJustDiscussed() {
        Conversation conversation = assistant.newConversation();
        Product saw = product("Circular Saw");
        ask(conversation, "where is the circular saw");
        Reply price = ask(conversation, "how much is it");
        assertEquals("product_price", price.intent());
        assertTrue(price.answer().contains("$" + saw.price().toPlainString()), price.answer());
        Reply stock = ask(conversation, "is it in stock");
        assertEquals("product_stock", stock.intent());
        assertTrue(stock.answer().contains("we have " + saw.stock()), stock.answer());
    }

    @Test
    void outOfStockSaysSoAndOffersOnlyARealAlternative() {
        Reply reply = ask(assistant.newConversation(), "is the cordless drill in stock");
        assertTrue(reply.answer().startsWith("Sorry, the Cordless Drill 20V is out of stock"), reply.answer());
        Optional<Product> alternative = store.products().stream()
                .filter(p -> reply.answer().contains("The " + p.name() + " is in stock")).findFirst();
        alternative.ifPresent(p -> {
            assertTrue(p.inStock());
            assertTrue(reply.answer().contains("aisle " + p.aisle().orElseThrow()));
        });
    }

    @Test
    void somethingTheStoreDoesNotSellIsNotInventedAndStaffIsOffered() {
        Conversation conversation = assistant.newConversation();
        Reply piano = ask(conversation, "do you sell pianos");
        assertEquals("not_found", piano.intent());
        assertEquals(Conversation.NOT_SOLD, piano.answer());
        assertTrue(piano.aisle().isEmpty());
        Reply yes = ask(conversation, "yes please");
        assertEquals("call_staff", yes.intent());
        assertTrue(yes.escalate());
    }

    @Test
    void anAmbiguousQuestionGetsOneClarifyingQuestionAndTheAnswerResolvesIt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("store.yaml"), "name: Two Drills\nhours:\n  tue: \"08:00-20:00\"\n");
        Files.writeString(folder.resolve("catalog.csv"), "sku,name,aliases,department,aisle,price,stock\n"
                + "D1,Cordless Drill,drill,Tools,5,89.00,4\n"
                + "D2,Drill Bits,drill,Tools,6,24.97,9\n");
        StoreKnowledge drills = StoreLoader.load(folder).knowledge().orElseThrow();
        Conversation conversation = StoreAssistant.create(drills, EncoderFixture.encoder(), TUESDAY_NOON)
                .newConversation();
        Reply clarify = conversation.respond("how much is the drill");
        assertEquals("clarify", clarify.intent());
        assertTrue(clarify.answer().matches("Did you mean the (Cordless Drill|Drill Bits) or the (Cordless Drill|Drill Bits)\\?"),
                clarify.answer());
        String second = clarify.answer().substring(clarify.answer().indexOf(" or the ") + 8,
                clarify.answer().length() - 1);
        Reply resolved = conversation.respond("the second one");
        assertEquals("product_price", resolved.intent());
        assertEquals(second.equals("Drill Bits") ? "The Drill Bits in aisle 6 sell for $24.97."
                : "The Cordless Drill in aisle 5 sells for $89.00.", resolved.answer());
        Reply byName = conversation.respond("where is the drill");
        assertEquals("clarify", byName.intent());
        assertEquals("The Drill Bits are in aisle 6, in the Tools department.",
                conversation.respond("the drill bits").answer());
    }

    @Test
    void hoursAreWeekdayAware() {
        Conversation conversation = assistant.newConversation();
        assertEquals("On Sunday we close at 6 p.m.", ask(conversation, "when do you close on sunday").answer());
        assertEquals("Tomorrow, Wednesday, we open at 8 a.m.",
                ask(conversation, "what time do you open tomorrow").answer());
        assertTrue(ask(conversation, "are you open late").answer().contains("Friday and Saturday, until 10 p.m."));
        assertEquals("Today, Tuesday, we close at 9 p.m.", ask(conversation, "when do you close today").answer());
    }

    @Test
    void policiesComeFromTheFaqWordForWord() {
        Reply reply = ask(assistant.newConversation(), "I lost my receipt, can I still return this?");
        assertEquals("faq", reply.intent());
        assertEquals(store.faqs().stream().filter(f -> f.id().equals("returns-no-receipt")).findFirst().orElseThrow()
                .answer(), reply.answer());
    }

    @Test
    void silenceStaffAndGoodbye() {
        Conversation conversation = assistant.newConversation();
        assertEquals("not_understood", ask(conversation, "").intent());
        Reply staff = ask(conversation, "I need someone to help me");
        assertTrue(staff.escalate());
        assertEquals("goodbye", ask(conversation, "bye").intent());
        assertFalse(ask(conversation, "hello").escalate());
    }

    @Test
    void theGroundingCheckCatchesInventedFacts() {
        assertEquals(java.util.List.of("aisle 99"), grounding.ungrounded("The hammer is in aisle 99."));
        assertEquals(java.util.List.of("$1.23"), grounding.ungrounded("It costs $1.23."));
        assertEquals(java.util.List.of("7 a.m."), grounding.ungrounded("We open at 7 a.m."));
        assertEquals(java.util.List.of("stock 12345"), grounding.ungrounded("Yes, we have 12345 of them."));
        assertEquals(java.util.List.of(), grounding.ungrounded("The Claw Hammer is in aisle 7. It is $16.97."));
    }
}
