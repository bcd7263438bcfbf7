package kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The decoder search the kiosk's recognizers run with: the one chosen in BENCHMARKS.md ("Decoder search settings for a
 * Raspberry Pi"), applied to the real model folder the build unpacks, and honoured by Vosk.
 */
class DecoderSearchTest {

    @Test
    void theKiosksModelIsLoadedWithTheChosenSearch() {
        // the figures chosen in BENCHMARKS.md: changing them is a decision to measure again, not a refactoring
        assertEquals(new DecoderSearch(200, 3000, 10.0, 2.0), DecoderSearch.KIOSK);
        try (SpeechModel model = SpeechModel.load(SpeechFixtures.VOSK_MODEL)) {
            assertEquals(DecoderSearch.KIOSK, model.search(), "the search in the model.conf Vosk read");
        }
    }

    @Test
    void theModelsOwnConfIsWhatTheKioskChangesFrom() {
        // the model the build unpacks says what DecoderSearch.MODEL says; a new model version is measured again
        assertEquals(DecoderSearch.MODEL,
                DecoderSearch.readConf(SpeechFixtures.VOSK_MODEL.resolve("conf").resolve("model.conf")));
    }

    @Test
    void anOverlayChangesOnlyTheSearchAndIsDeletedWithoutTouchingTheModel() throws IOException {
        Path conf = SpeechFixtures.VOSK_MODEL.resolve("conf").resolve("model.conf");
        String original = Files.readString(conf);
        DecoderSearch narrow = new DecoderSearch(100, 700, 7.0, 1.0);
        Path overlay = narrow.overlay(SpeechFixtures.VOSK_MODEL).orElseThrow();
        try {
            assertEquals(narrow, DecoderSearch.readConf(overlay.resolve("conf").resolve("model.conf")));
            List<String> lines = Files.readAllLines(overlay.resolve("conf").resolve("model.conf"));
            for (String kept : List.of("--frame-subsampling-factor=3", "--endpoint.rule2.min-trailing-silence=0.5",
                    "--acoustic-scale=1.0")) {
                assertTrue(lines.contains(kept), "kept " + kept + ": " + lines);
            }
            assertEquals(1, lines.stream().filter(line -> line.startsWith("--max-active=")).count(), lines.toString());
            assertTrue(Files.isSymbolicLink(overlay.resolve("am")));
            assertTrue(Files.isSymbolicLink(overlay.resolve("conf").resolve("mfcc.conf")));
        } finally {
            DecoderSearch.deleteOverlay(overlay);
        }
        assertFalse(Files.exists(overlay));
        assertEquals(original, Files.readString(conf));
        assertTrue(Files.exists(SpeechFixtures.VOSK_MODEL.resolve("am").resolve("final.mdl")));
        try (Stream<Path> graph = Files.list(SpeechFixtures.VOSK_MODEL.resolve("graph"))) {
            assertTrue(graph.findAny().isPresent());
        }
        // the model's own search needs no overlay
        assertTrue(DecoderSearch.MODEL.overlay(SpeechFixtures.VOSK_MODEL).isEmpty());
    }

    @Test
    void voskDecodesWithTheSearchItIsLoadedWith() {
        // a search of a handful of states loses the words the model's own finds: the overlay's conf is what Vosk runs
        String question = "where can I find the garden hose";
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            Audio spoken = voice.speakAll(question);
            String wide;
            try (SpeechModel model = SpeechModel.load(SpeechFixtures.VOSK_MODEL, DecoderSearch.MODEL)) {
                wide = new Transcriber(model).transcribe(spoken, RecognizerOptions.free()).text();
            }
            String starved;
            try (SpeechModel model = SpeechModel.load(SpeechFixtures.VOSK_MODEL, new DecoderSearch(1, 2, 0.5, 0.1))) {
                assertEquals(new DecoderSearch(1, 2, 0.5, 0.1), model.search());
                starved = new Transcriber(model).transcribe(spoken, RecognizerOptions.free()).text();
            }
            assertTrue(SpeechFixtures.wordErrorRate(question, wide) <= 0.25, wide);
            assertNotEquals(wide, starved);
            assertTrue(SpeechFixtures.wordErrorRate(question, starved) > 0.25, starved);
        }
    }

    @Test
    void aSearchIsReadAsTheBenchmarksWriteIt() {
        // a key left out keeps the kiosk's value
        assertEquals(new DecoderSearch(DecoderSearch.KIOSK.minActive(), 1000, 8.0, 1.0),
                DecoderSearch.parse("max-active=1000, beam=8,lattice-beam=1"));
        DecoderSearch search = new DecoderSearch(150, 900, 7.5, 1.5);
        assertEquals(search, DecoderSearch.parse(search.toString()));
        assertThrows(IllegalArgumentException.class, () -> DecoderSearch.parse("max-active=lots"));
        assertThrows(IllegalArgumentException.class, () -> DecoderSearch.parse("width=3"));
        assertThrows(IllegalArgumentException.class, () -> DecoderSearch.parse("min-active=500,max-active=400"));
    }
}
