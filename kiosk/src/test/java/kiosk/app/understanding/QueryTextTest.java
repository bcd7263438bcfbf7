package kiosk.app.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The words of a question and of a catalog name brought to one form: a fraction is one size token however it is
 * written or said, and a modal verb that is also a noun ("can", "will", "may", "must") frames a question only as a
 * verb.
 */
class QueryTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where is the one and a half inch pvc elbow|1-1/2 inch pvc elbow",
            "where is the PVC Elbow 1-1/2 inch|pvc elbow 1-1/2 inch",
            "where is the PVC Elbow 1 1/2 inch|pvc elbow 1-1/2 inch",
            "an inch and a half pvc elbow|1-1/2 inch pvc elbow",
            "PVC Elbow 1/2 inch|pvc elbow 1/2 inch",
            "how much is the half inch pvc elbow|1/2 inch pvc elbow",
            "is the three quarter inch plywood in stock|3/4 inch plywood",
            "the three eighths hex bolts|3/8 hex bolt",
            "where can i find the trash cans|trash can",
            "where can i find a trash can|trash can",
            "how much will the watering can cost|watering can",
            "can you tell me where the paint cans are|paint can",
            "what might the drill cost|drill",
            "where must i pay|pay",
            "may i know where the can opener is|can opener",
    })
    void theWordsThatNameThingsAreKept(String question, String content) {
        assertEquals(List.of(content.split(" ")), QueryText.contentTokens(question));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dog food cans|dog food can",
            "Kitchen Trash Can|kitchen trash can",
            "Watering Can 2 Gallon|watering can two gallon",
            "PVC Elbow 1-1/2 inch|pvc elbow 1-1/2 inch",
            "Wood Screws #8 x 1-1/4 inch|wood screw eight x 1-1/4 inch",
            "Skim Milk Half Gallon|skim milk 1/2 gallon",
    })
    void aCatalogNameKeepsItsNounsAndItsSize(String name, String tokens) {
        assertEquals(List.of(tokens.split(" ")), QueryText.nameTokens(name));
    }
}
