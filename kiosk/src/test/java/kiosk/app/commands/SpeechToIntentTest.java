package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.speech.Audio;
import kiosk.speech.FreeTtsSynthesizer;
import kiosk.speech.NoiseMixer;
import kiosk.speech.SpeechModel;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real recordings of people through the whole audio path: grammar recognition, then the parser. */
class SpeechToIntentTest {

    static final Path SHARED = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data/speech-to-intent");
    static SpeechModel model;
    static SpeechToIntent coffee;

    @BeforeAll
    static void load() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("clean")), "shared recordings not found at " + SHARED);
        model = SpeechModel.load(Path.of(System.getProperty("kiosk.models", "../target/models"), "vosk-model-en-us"));
        coffee = new SpeechToIntent(model, List.of(CommandContext.load(SHARED.resolve("coffee_maker.yaml"))));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void realCoffeeOrdersAreUnderstoodWithTheirSlots() throws IOException {
        List<String> misses = acceptedOfEveryTwentieth(clip -> clip);
        assertTrue(misses.size() <= 1, (10 - misses.size()) + "/10 accepted; misses " + misses);
    }

    @Test
    void realCoffeeOrdersInKitchenNoiseAreUnderstood() throws IOException {
        Audio noise = WavFile.read(SHARED.resolve("noise/kitchen.wav"));
        Random random = new Random(20241124);
        List<String> misses = acceptedOfEveryTwentieth(clip -> NoiseMixer.mix(clip, noise, 9, random));
        assertTrue(misses.size() <= 1, (10 - misses.size()) + "/10 accepted at 9 dB SNR; misses " + misses);
    }

    @Test
    void storeQuestionsAreNotTakenForCoffeeOrders() {
        // each of these was once heard as an order ("can i get a coffee coffee", "double shot medium roast")
        List<String> questions = List.of("where are the double a batteries", "can I get a key copied",
                "are you open late on friday", "do you sell pianos", "get me an employee please",
                "can I return something without a receipt");
        try (FreeTtsSynthesizer voice = FreeTtsSynthesizer.open()) {
            for (String question : questions) {
                SpeechToIntent.Inference inference = coffee.infer(voice.speakAll(question));
                assertInstanceOf(CommandResult.NotUnderstood.class, inference.result(),
                        "\"" + question + "\" heard as \"" + inference.transcript().text() + "\"");
            }
        }
    }

    /** Every 20th labelled file (spread over speakers, not chosen by result) through the path; the misses. */
    private static List<String> acceptedOfEveryTwentieth(UnaryOperator<Audio> condition) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(SHARED.resolve("labels.json").toFile());
        List<String> files = new ArrayList<>();
        labels.fieldNames().forEachRemaining(files::add);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 20) {
            SpeechToIntent.Inference inference = coffee.infer(condition.apply(
                    WavFile.read(SHARED.resolve("clean").resolve(files.get(i)))));
            Map<String, String> slots = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.get(files.get(i)).get("slots").fields();
                 it.hasNext(); ) {
                Map.Entry<String, JsonNode> slot = it.next();
                slots.put(slot.getKey(), slot.getValue().asText());
            }
            if (!IntentScore.accepted("orderDrink", slots, inference.result())) {
                misses.add(inference.transcript().text() + " -> " + inference.result());
            }
            assertTrue(inference.timingsMs().get("total") > 0);
        }
        return misses;
    }
}
