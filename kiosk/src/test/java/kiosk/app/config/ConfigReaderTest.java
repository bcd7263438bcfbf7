package kiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kiosk.app.store.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path folder;

    private ConfigReader.Result read(String text) throws IOException {
        Path file = folder.resolve("kiosk.conf");
        Files.writeString(file, text);
        return ConfigReader.read(file);
    }

    private static List<String> messages(ConfigReader.Result result) {
        return result.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theShippedFileSaysExactlyTheDefaults() {
        Path shipped = Path.of("kiosk.conf");
        ConfigReader.Result result = ConfigReader.read(shipped);
        assertEquals(List.of(), messages(result));
        KioskConfig defaults = KioskConfig.defaults(shipped);
        assertEquals(defaults, result.config().orElseThrow(),
                "kiosk.conf and KioskConfig.KEYS must agree, or the commented file misleads technicians");
    }

    @Test
    void readsEveryKindOfValue() throws IOException {
        KioskConfig config = read("""
                store:
                  folder: shops/north
                panel:
                  kind: console
                  presence_sensor: 4
                  staff_light: none
                  display: oled-128x64
                  display_address: 0x3C
                timeouts:
                  follow_up_seconds: 45
                privacy:
                  log_transcripts: yes
                """).config().orElseThrow();
        assertEquals(folder.resolve("shops/north"), config.store().folder());
        assertEquals("console", config.panel().kind());
        assertEquals(4, config.panel().presenceSensor());
        assertEquals(-1, config.panel().staffLight());
        assertEquals(0x3C, config.panel().displayAddress());
        assertEquals(Duration.ofSeconds(45), config.timeouts().followUp());
        assertEquals(Duration.ofSeconds(15), config.timeouts().maxUtterance());
        assertTrue(config.privacy().logTranscripts());
        assertEquals(17, config.panel().talkButton());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheClosestKnownKey() throws IOException {
        ConfigReader.Result result = read("""
                timeouts:
                  follow_up_seconds: 20
                  folow_up_secs: 30
                """);
        assertTrue(result.config().isEmpty());
        assertEquals(1, result.problems().size());
        String message = messages(result).get(0);
        assertTrue(message.endsWith("kiosk.conf:3: unknown key 'folow_up_secs' in section 'timeouts' (did you mean "
                + "'follow_up_seconds'?); its keys are follow_up_seconds, max_utterance_seconds"), message);
    }

    @Test
    void anUnknownSectionIsNamedWithTheClosestSection() throws IOException {
        String message = messages(read("pannel:\n  kind: auto\n")).get(0);
        assertTrue(message.contains("kiosk.conf:1: unknown section 'pannel' (did you mean 'panel'?)"), message);
    }

    @Test
    void wrongTypesAndOutOfRangeValuesSayWhatIsExpected() throws IOException {
        ConfigReader.Result result = read("""
                panel:
                  talk_button: seventeen
                  staff_button: 40
                  display: lcd-16x4
                  display_address: 0x90
                privacy:
                  log_transcripts: maybe
                timeouts:
                  max_utterance_seconds: [10, 20]
                """);
        List<String> messages = messages(result);
        assertEquals(6, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith(":2: 'panel.talk_button' must be a BCM GPIO number from 0 to 27, or none, "
                + "not 'seventeen'"), messages.get(0));
        assertTrue(messages.get(1).endsWith(":3: 'panel.staff_button' must be a BCM GPIO number from 0 to 27, or none, "
                + "not '40'"), messages.get(1));
        assertTrue(messages.get(2).endsWith(":4: 'panel.display' must be one of lcd-16x2, lcd-20x4, oled-128x64, none, "
                + "not 'lcd-16x4' (did you mean 'lcd-16x2'?)"), messages.get(2));
        assertTrue(messages.get(3).endsWith(":5: 'panel.display_address' is out of range: 0x90 is not from 0x03 to "
                + "0x77"), messages.get(3));
        assertTrue(messages.get(4).endsWith(":7: 'privacy.log_transcripts' must be yes or no, not 'maybe'"),
                messages.get(4));
        assertTrue(messages.get(5).endsWith(":9: 'timeouts.max_utterance_seconds' must be a single value"),
                messages.get(5));
    }

    @Test
    void aSectionOrKeyWrittenTwiceIsRefusedRatherThanSilentlyOverridden() throws IOException {
        List<String> messages = messages(read("""
                timeouts:
                  follow_up_seconds: 20
                  follow_up_seconds: 30
                panel:
                  kind: auto
                timeouts:
                  max_utterance_seconds: 10
                """));
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith(
                ":3: 'timeouts.follow_up_seconds' is set again (first on line 2); keep one"),
                messages.get(0));
        assertTrue(messages.get(1).endsWith(":6: section 'timeouts' appears again (first on line 1); put its keys "
                + "under one 'timeouts:'"), messages.get(1));
    }

    @Test
    void twoPartsOnOnePinAreRefusedAtTheLaterKey() throws IOException {
        List<String> messages = messages(read("""
                panel:
                  staff_light: 5
                  presence_sensor: 17
                """));
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith(":3: 'panel.presence_sensor' is GPIO 17, which 'panel.talk_button' "
                + "already uses"), messages.get(0));
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        ConfigReader.Result result = read("panel:\n  kind: auto\n   talk_button: 3\n");
        assertTrue(result.config().isEmpty());
        assertTrue(messages(result).get(0).contains("kiosk.conf:3: is not valid YAML"), messages(result).toString());
    }

    @Test
    void aMissingFileMeansTheDefaultsAndAnEmptySectionIsRefused() throws IOException {
        ConfigReader.Result missing = ConfigReader.read(folder.resolve("absent.conf"));
        assertEquals(KioskConfig.defaults(folder.resolve("absent.conf")), missing.config().orElseThrow());
        ConfigReader.Result empty = read("store:\n");
        assertFalse(empty.config().isPresent());
        assertTrue(messages(empty).get(0).endsWith(":1: section 'store' must hold keys, one per line, indented "
                + "under it"), messages(empty).toString());
    }
}
