package kiosk.app.commands;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.speech.SpeechModel;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A few real recordings of people through the whole audio path: grammar recognition, then the parser. */
class SpeechToIntentTest {

    @Test
    void realCoffeeOrdersAreUnderstoodWithTheirSlots() throws IOException {
        Path shared = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data/speech-to-intent");
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("clean")), "shared recordings not found at " + shared);
        JsonNode labels = new ObjectMapper().readTree(shared.resolve("labels.json").toFile());
        List<String> files = new ArrayList<>();
        labels.fieldNames().forEachRemaining(files::add);
        try (SpeechModel model = SpeechModel.load(
                Path.of(System.getProperty("kiosk.models", "../target/models"), "vosk-model-en-us"))) {
            SpeechToIntent speechToIntent = new SpeechToIntent(model,
                    List.of(CommandContext.load(shared.resolve("coffee_maker.yaml"))));
            int accepted = 0;
            List<String> misses = new ArrayList<>();
            // every 20th file: spread over speakers, not chosen by result
            for (int i = 0; i < files.size(); i += 20) {
                SpeechToIntent.Inference inference = speechToIntent.infer(WavFile.read(shared.resolve("clean")
                        .resolve(files.get(i))));
                Map<String, String> slots = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = labels.get(files.get(i)).get("slots").fields();
                     it.hasNext(); ) {
                    Map.Entry<String, JsonNode> slot = it.next();
                    slots.put(slot.getKey(), slot.getValue().asText());
                }
                if (IntentScore.accepted("orderDrink", slots, inference.result())) {
                    accepted++;
                } else {
                    misses.add(inference.transcript().text() + " -> " + inference.result());
                }
                assertTrue(inference.timingsMs().get("total") > 0);
            }
            assertTrue(accepted >= 9, accepted + "/10 accepted; misses " + misses);
        }
    }
}
