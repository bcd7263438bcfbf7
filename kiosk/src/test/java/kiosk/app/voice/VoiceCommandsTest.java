package kiosk.app.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiosk.app.KioskPaths;
import kiosk.app.dialogue.Reply;
import kiosk.speech.Audio;
import kiosk.speech.SoundLevel;
import kiosk.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Louder", "quieter" and "slower" change the audio the kiosk produces, for that shopper only. */
class VoiceCommandsTest {

    private static final String ANSWER = "The Claw Hammer is in aisle 7. It is $16.97.";

    @Test
    void spokenCommandsChangeTheVoiceAndANewShopperGetsTheConfiguredOne(@TempDir Path state) {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), state);
        try (KioskModels models = new KioskModels(paths)) {
            models.replyLevel(-26);
            List<String> problems = new ArrayList<>();
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problems::add);
            assertEquals(List.of(), problems);
            ShopperSession shopper = kiosk.newSession();
            Audio configured = models.synthesizer().speakAll(ANSWER);
            assertEquals(-26, SoundLevel.of(configured).rmsDbfs(), 1.0);

            Reply louder = shopper.respond("speak louder please");
            assertEquals("louder", louder.intent());
            assertEquals("Okay, I'll speak louder.", louder.answer());
            Audio afterLouder = models.synthesizer().speakAll(ANSWER);
            assertEquals(VoiceSettings.LEVEL_STEP_DB,
                    SoundLevel.of(afterLouder).rmsDbfs() - SoundLevel.of(configured).rmsDbfs(), 1.0);

            shopper.respond("quieter");
            shopper.respond("quieter");
            assertEquals(-26 - VoiceSettings.LEVEL_STEP_DB,
                    SoundLevel.of(models.synthesizer().speakAll(ANSWER)).rmsDbfs(), 1.0);

            Reply slower = shopper.respond("slow down");
            assertEquals("slower", slower.intent());
            long slowMillis = models.synthesizer().speakAll(ANSWER).durationMillis();
            assertTrue(slowMillis > configured.durationMillis() * 1.1,
                    configured.durationMillis() + " ms, slower " + slowMillis + " ms");

            kiosk.newSession();
            Audio nextShopper = models.synthesizer().speakAll(ANSWER);
            assertEquals(-26, SoundLevel.of(nextShopper).rmsDbfs(), 1.0);
            assertEquals(configured.durationMillis(), nextShopper.durationMillis(), configured.durationMillis() / 20.0);

            for (int i = 0; i < 10; i++) {
                shopper.respond("louder");
            }
            assertEquals("I'm already speaking as loud as I can.", shopper.respond("louder").answer());
        }
    }
}
