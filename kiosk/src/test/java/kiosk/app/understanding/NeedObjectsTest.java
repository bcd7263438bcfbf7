package kiosk.app.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a described need is about, which the understanding does not take for what is asked. */
class NeedObjectsTest {

    private static Set<String> about(String question) {
        return Understanding.needObjects(QueryText.normalize(question));
    }

    @Test
    void theNounsAfterTheNeedAndAfterMyAreWhatItIsAbout() {
        assertEquals(Set.of("pie"), about("something to put on top of the pie"));
        assertEquals(Set.of("tea"), about("what can I add to my tea instead of sugar"));
        assertEquals(Set.of("bike", "chain"), about("my bike chain is dry, what do I need"));
    }

    @Test
    void aQuestionDescribingNoNeedIsAboutNothingElse() {
        assertEquals(Set.of(), about("where is the pie"));
        assertEquals(Set.of(), about("how much is the tea for my mother"));
        // before the need's cue only what is the shopper's own counts: "the pie" here is what is wanted
        assertEquals(Set.of("party"), about("is the pie something for a party"));
    }
}
