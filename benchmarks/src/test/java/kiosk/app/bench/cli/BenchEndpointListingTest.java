package kiosk.app.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What {@code bench endpoint}'s listing says was heard at an endpoint: a clip silence never ended (no endpoint, -1)
 * and a clip with no chunk of text must be listed, not crash the run with "Index -1 out of bounds".
 */
class BenchEndpointListingTest {

    private static final String[] HEARD = {"", "where", "where is", "where is the tape"};

    @Test
    void theTextAfterTheChunkThatEndedAtTheEndpoint() {
        assertEquals("where", BenchEndpointCommand.heardAt(HEARD, 200));
        assertEquals("where is the tape", BenchEndpointCommand.heardAt(HEARD, 400));
    }

    @Test
    void noEndpointListsTheClipsLastText() {
        assertEquals("where is the tape", BenchEndpointCommand.heardAt(HEARD, -1));
    }

    @Test
    void aClipWithNoTextOrAnEndpointBeforeItsFirstChunkListsNothing() {
        assertEquals("", BenchEndpointCommand.heardAt(new String[0], -1), "a clip with no chunk: index -1");
        assertEquals("", BenchEndpointCommand.heardAt(new String[0], 300));
        assertEquals("", BenchEndpointCommand.heardAt(HEARD, 50));
    }
}
