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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store writes "do you deliver?"; a shopper asks "can you bring it to my house?". The FAQ entry that speaks of a
 * common service is found by the ways shoppers ask for it, and only in a store whose FAQ speaks of it. And a FAQ entry
 * close to a question with no other entry near it is answered, where two close ones are asked back.
 */
class ServicesAskedInShoppersWordsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    private static final String STORE = """
            name: Mill Lane Market
            phone: "(555) 010-4410"
            address: 9 Mill Lane, Ashby
            hours:
              mon: "08:00-20:00"
            departments:
              Home: [3]
              Bakery: [5]
            """;
    private static final String CATALOG = """
            sku,name,aliases,department,aisle,price,stock,description
            H1,Laundry Basket,hamper,Home,3,12.00,9,holds dirty clothes
            H2,Phone Stand,,Home,3,9.00,4,holds a phone upright on a desk
            B1,Sourdough Loaf,bread,Bakery,5,4.50,20,
            """;
    private static final String RETURNS_AND_BUTCHER = """
            - id: returns
              questions:
                - can I return something
              answer: Unopened items can be returned within 30 days with the receipt.
            - id: butcher
              questions:
                - do you have a butcher
              answer: Our butcher counter cuts any meat to order, free of charge.
            - id: holidays
              questions:
                - are you open on holidays
              answer: We close on Christmas Day and New Year's Day.
            """;
    private static final String WITH_SERVICES = RETURNS_AND_BUTCHER + """
            - id: delivery
              questions:
                - do you deliver
              answer: We deliver groceries within 5 miles for 6 dollars.
            - id: payment
              questions:
                - what payment do you accept
              answer: We take cash, cards and phone payments.
            - id: classes
              questions:
                - do you run baking classes
              answer: Our bakers hold a bread class every Sunday at 10, 15 dollars a seat.
            - id: registry
              questions:
                - do you have a gift registry
              answer: Set up a wedding or baby registry at the service desk.
            - id: gift-cards
              questions:
                - do you sell gift cards
              answer: Gift cards from 10 to 200 dollars are sold at every register.
            """;
    private static final String WITH_DELI = RETURNS_AND_BUTCHER + """
            - id: deli
              questions:
                - do you have a deli counter
                - can you slice meat for me
              answer: The deli counter slices meat and cheese to order.
            """;

    @TempDir
    static Path folder;
    static StoreWrittenInTest withServices;
    static StoreWrittenInTest withoutThem;
    static StoreWrittenInTest withDeli;

    @BeforeAll
    static void load() throws IOException {
        withServices = StoreWrittenInTest.write(Files.createDirectory(folder.resolve("services")), STORE, CATALOG,
                WITH_SERVICES);
        withoutThem = StoreWrittenInTest.write(Files.createDirectory(folder.resolve("plain")), STORE, CATALOG,
                RETURNS_AND_BUTCHER);
        withDeli = StoreWrittenInTest.write(Files.createDirectory(folder.resolve("deli")), STORE, CATALOG, WITH_DELI);
    }

    private static Reply ask(StoreWrittenInTest shop, String question) throws IOException {
        return shop.ask(shop.conversation(NOW), question);
    }

    @Test
    void aServiceAskedInTheShoppersWordsIsTheEntryThatSpeaksOfIt() throws IOException {
        Reply bring = ask(withServices, "can you bring my groceries to my house");
        assertEquals("faq", bring.intent(), bring.answer());
        assertTrue(bring.answer().contains("within 5 miles"), bring.answer());
        Reply phone = ask(withServices, "can I pay with my phone");
        assertEquals("faq", phone.intent(), phone.answer());
        assertTrue(phone.answer().contains("phone payments"), phone.answer());
    }

    @Test
    void aRegistryAskedInTheShoppersWordsIsTheEntryThatSpeaksOfItNotTheGiftCards() throws IOException {
        Reply list = ask(withServices, "my daughter is getting married, can she make a list of presents she wants");
        assertEquals("faq", list.intent(), list.answer());
        assertTrue(list.answer().contains("registry"), list.answer());
    }

    @Test
    void aStoreThatWritesOfNoSuchServiceIsNotMadeToOfferIt() throws IOException {
        Reply bring = ask(withoutThem, "can you bring my groceries to my house");
        assertFalse(bring.answer().contains("deliver"), bring.answer());
        assertFalse("faq".equals(bring.intent()), bring.intent() + ": " + bring.answer());
    }

    @Test
    void anEntryWithNoOtherNearIsAnsweredAndOneOfTwoCloseIsAskedBack() throws IOException {
        String grind = "could someone at the meat counter grind this chuck roast for me";
        Reply alone = ask(withoutThem, grind);
        assertEquals("faq", alone.intent(), alone.answer());
        assertTrue(alone.answer().contains("cuts any meat to order"), alone.answer());
        Reply twoClose = ask(withDeli, grind);
        assertEquals("clarify", twoClose.intent(), twoClose.answer());
    }
}
