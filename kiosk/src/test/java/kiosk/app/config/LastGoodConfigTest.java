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

class LastGoodConfigTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenFileAfterAGoodOneIsReplacedByTheCopyReadAsIfAtTheOriginalPlace() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve("kiosk.conf");
        Files.writeString(file, "store:\n  folder: north\ntimeouts:\n  follow_up_seconds: 9\n");
        LastGoodConfig lastGood = new LastGoodConfig(dir.resolve("state"));
        assertTrue(lastGood.recall(file).isEmpty(), "nothing remembered yet");
        lastGood.remember(ConfigReader.read(file).config().orElseThrow());

        Files.writeString(file, "timeouts:\n  follow_up_seconds: nine\n");
        assertTrue(ConfigReader.read(file).config().isEmpty());
        KioskConfig recalled = lastGood.recall(file).orElseThrow();
        assertEquals(9, recalled.timeouts().followUp().toSeconds());
        assertEquals(etc.resolve("north"), recalled.store().folder(), "relative to the real file, not the copy");
        assertEquals(file, recalled.file());
    }

    @Test
    void aBrokenDropInFallsBackToTheWholeLastGoodConfigurationDropInsIncluded() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve("kiosk.conf");
        Path dropIns = Files.createDirectories(etc.resolve("kiosk.conf.d"));
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 9\n");
        Files.writeString(dropIns.resolve("50-panel.conf"), "panel:\n  kind: console\n  talk_button: 5\n");
        Files.writeString(dropIns.resolve("60-staff.conf"), "staff:\n  location: garden door\n");
        KioskConfig good = ConfigReader.read(file).config().orElseThrow();
        LastGoodConfig lastGood = new LastGoodConfig(dir.resolve("state"));
        lastGood.remember(good);

        // configuration management drops a broken file; another drop-in is removed
        Files.writeString(dropIns.resolve("50-panel.conf"), "panel:\n  kind: console\n  talk_buton: 6\n");
        Files.delete(dropIns.resolve("60-staff.conf"));
        ConfigReader.Result broken = ConfigReader.read(file);
        assertTrue(broken.config().isEmpty());
        List<String> problems = broken.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(dropIns.resolve("50-panel.conf") + ":3: unknown key 'talk_buton' in section 'panel' "
                + "(did you mean 'talk_button'?); its keys are " + String.join(", ", KioskConfig.KEYS.stream()
                .filter(key -> key.section().equals("panel")).map(ConfigKey::name).toList())), problems);

        KioskConfig recalled = lastGood.recall(file).orElseThrow();
        assertEquals(good, recalled, "the settings the kiosk ran with, the drop-ins' included");
        assertEquals(5, recalled.panel().talkButton());
        assertEquals("garden door", recalled.staff().location());
        assertEquals(Duration.ofSeconds(9), recalled.timeouts().followUp());
    }

    @Test
    void aFileSavedBetweenReadingAndRememberingIsNotTakenForTheGoodOne() throws IOException {
        Path file = dir.resolve("kiosk.conf");
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 9\n");
        KioskConfig good = ConfigReader.read(file).config().orElseThrow();
        LastGoodConfig lastGood = new LastGoodConfig(dir.resolve("state"));
        lastGood.remember(good);
        KioskConfig read = ConfigReader.read(file).config().orElseThrow();
        Files.createDirectories(ConfigReader.dropInFolder(file));
        Files.writeString(ConfigReader.dropInFolder(file).resolve("10-broken.conf"), "timeouts:\n  folow: 1\n");
        lastGood.remember(read);
        assertEquals(good, lastGood.recall(file).orElseThrow());
        assertFalse(Files.exists(lastGood.copy().resolve("kiosk.conf.d").resolve("10-broken.conf")));
    }

    @Test
    void anOlderKiosksCopyOfTheMainFileAloneIsStillRecalled() throws IOException {
        Path file = dir.resolve("kiosk.conf");
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("last-good-kiosk.conf"), "timeouts:\n  follow_up_seconds: 7\n");
        Files.writeString(file, "timeouts:\n  follow_up_seconds: seven\n");
        LastGoodConfig lastGood = new LastGoodConfig(state);
        assertEquals(Duration.ofSeconds(7), lastGood.recall(file).orElseThrow().timeouts().followUp());
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 8\n");
        lastGood.remember(ConfigReader.read(file).config().orElseThrow());
        assertFalse(Files.exists(state.resolve("last-good-kiosk.conf")), "superseded by the copy of every file");
        assertEquals(Duration.ofSeconds(8), lastGood.recall(file).orElseThrow().timeouts().followUp());
    }

    @Test
    void aPinClashSetInADropInNamesTheDropIn() throws IOException {
        Path file = dir.resolve("kiosk.conf");
        Files.writeString(file, "panel:\n  talk_button: 5\n");
        Path dropIns = Files.createDirectories(ConfigReader.dropInFolder(file));
        Files.writeString(dropIns.resolve("20-staff.conf"), "# the beacon\nstaff:\n  beacon_pin: 5\n");
        List<String> problems = ConfigReader.read(file).problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(dropIns.resolve("20-staff.conf") + ":3: 'staff.beacon_pin' is GPIO 5, which "
                + "'panel.talk_button' already uses"), problems);
    }
}
