package kiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastGoodConfigTest {

    @Test
    void aBrokenFileAfterAGoodOneIsReplacedByTheCopyReadAsIfAtTheOriginalPlace(@TempDir Path dir) throws IOException {
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
}
