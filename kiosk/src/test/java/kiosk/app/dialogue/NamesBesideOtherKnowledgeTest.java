package kiosk.app.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A product named whole beside other knowledge that shares its words: a department ("Cameras" and the product called
 * "camera"), a FAQ entry (nail trims and the "nail clippers"), another product's alias holding a word that frames
 * questions elsewhere ("dog food cans" and "dog food": "can" frames "where can I find it"). Found on the evaluation
 * stores' catalogs, every name and alias asked "where is …", "how much is …", "is … in stock": "how much is the
 * camera" was answered "Cameras is in aisle 12", "how much is the nail clippers" with the price of a nail trim, and
 * "where is the dog food" with the canned food. A department has no price or stock, and a FAQ entry sharing a
 * product's words answers another question; each still answers its own. Checked on a shop written here.
 */
class NamesBesideOtherKnowledgeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-10-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path folder;
    static StoreWrittenInTest shop;

    @BeforeAll
    static void load() throws IOException {
        shop = StoreWrittenInTest.write(folder, """
                name: Hilltop Pets and Photo
                phone: "(555) 010-3344"
                address: 9 Quarry Lane, Ashby
                hours:
                  mon: "09:00-18:00"
                  sun: closed
                departments:
                  Cameras: [12]
                  Grooming: [7]
                  Dog Food: [1]
                  Household: [3]
                """, """
                sku,name,aliases,department,aisle,price,stock
                H1,Point and Shoot Digital Camera,digital camera|camera,Cameras,12,199.99,3
                H2,Camera Bag,camera case,Cameras,12,34.99,5
                H3,Instant Camera,polaroid camera,Cameras,12,69.99,6
                H4,Pet Nail Clippers,nail clippers|nail trimmer,Grooming,7,11.49,16
                H5,Slicker Brush,dog brush,Grooming,7,12.99,14
                H6,Adult Dry Dog Food 30 lb,dog food|kibble,Dog Food,1,54.99,14
                H7,Canned Dog Food 13 oz,wet dog food|dog food cans,Dog Food,1,2.79,80
                H8,Kitchen Trash Can,trash can|garbage can,Household,3,24.99,9
                """, """
                - id: nails
                  questions: ["do you trim nails", "how much is a nail trim", "can you clip my dog's nails"]
                  answer: Walk-in nail trims are 12 dollars with no appointment, every day until an hour before closing.
                - id: photos
                  questions: ["do you print photos", "can I print pictures from my camera"]
                  answer: Photo prints are made at the photo counter while you wait.
                """);
    }

    @Test
    void thePriceOfAProductNamedLikeADepartmentIsNoDepartmentsAnswer() throws IOException {
        Reply price = shop.ask(shop.conversation(NOW), "how much is the camera");
        assertEquals("clarify", price.intent(), price.answer());
        assertTrue(List.of(price.slots().get("choices").split("\\|")).contains("H1"), price.answer());
        Reply stock = shop.ask(shop.conversation(NOW), "is the camera in stock");
        assertEquals("product_stock", stock.intent(), stock.answer());
        assertEquals("H1", stock.slots().get("sku"), stock.answer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "how much are the nail clippers|product_price|H4",
            "how much is the nail clippers|product_price|H4",
            "is the nail trimmer in stock|product_stock|H4",
            "do you still have the nail clippers|product_stock|H4",
    })
    void thePriceOrStockOfAProductNamedWholeIsNoFaqAnswer(String question, String intent, String sku)
            throws IOException {
        Reply reply = shop.ask(shop.conversation(NOW), question);
        assertEquals(intent, reply.intent(), reply.answer());
        assertEquals(sku, reply.slots().get("sku"), reply.answer());
    }

    /** The department and the FAQ entries still answer what they are asked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where is the cameras section|department_location",
            "how much is a nail trim|faq",
            "do you trim nails|faq",
            "can you print photos from my camera|faq",
    })
    void theOtherKnowledgeStillAnswersItsOwnQuestions(String question, String intent) throws IOException {
        Reply reply = shop.ask(shop.conversation(NOW), question);
        assertEquals(intent, reply.intent(), reply.answer());
    }

    /** "can", "will" frame a question as verbs only: "trash can" and "dog food cans" are names. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where is the dog food|product_location|H6",
            "where are the dog food cans|product_location|H7",
            "how much are the dog food cans|product_price|H7",
            "where can i find the trash can|product_location|H8",
            "how much will the trash can cost|product_price|H8",
            "is the garbage can in stock|product_stock|H8",
    })
    void aModalVerbThatIsANounInANameStaysPartOfTheName(String question, String intent, String sku)
            throws IOException {
        Reply reply = shop.ask(shop.conversation(NOW), question);
        assertEquals(intent, reply.intent(), reply.answer());
        assertEquals(sku, reply.slots().get("sku"), reply.answer());
    }

    /**
     * The questions of {@code bench catalog} that neither answered the product nor asked which, on the evaluation
     * stores themselves.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../bench/stores/pets|where is the dog food|product_location|PET-101",
            "../bench/stores/pets|is the dog food in stock|product_stock|PET-101",
            "../bench/stores/pets|how much is the nail clippers|product_price|PET-704",
            "../bench/stores/pets|how much is the nail trimmer|product_price|PET-704",
            "../bench/stores/electronics|is the camera in stock|product_stock|BCE-965",
    })
    void onTheEvaluationStoresTheProductNamedWholeIsAnswered(String store, String question, String intent,
                                                             String sku) throws IOException {
        StoreWrittenInTest evaluated = evaluationStore(store);
        Reply reply = evaluated.ask(evaluated.conversation(NOW), question);
        assertEquals(intent, reply.intent(), reply.answer());
        assertEquals(sku, reply.slots().get("sku"), reply.answer());
    }

    @Test
    void onTheElectronicsStoreThePriceOfTheCameraAsksWhichCamera() throws IOException {
        StoreWrittenInTest electronics = evaluationStore("../bench/stores/electronics");
        Reply reply = electronics.ask(electronics.conversation(NOW), "how much is the camera");
        assertEquals("clarify", reply.intent(), reply.answer());
        assertTrue(List.of(reply.slots().get("choices").split("\\|")).contains("BCE-965"), reply.answer());
    }

    private static StoreWrittenInTest evaluationStore(String folder) {
        kiosk.app.store.StoreKnowledge knowledge = kiosk.app.store.StoreLoader.load(Path.of(folder)).knowledge()
                .orElseThrow();
        return new StoreWrittenInTest(knowledge, new GroundingCheck(knowledge));
    }
}
