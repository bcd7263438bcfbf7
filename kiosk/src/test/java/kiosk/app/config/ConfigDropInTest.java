package kiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kiosk.app.KioskPaths;
import kiosk.app.store.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /etc/kiosk/kiosk.conf.d/*.conf} drop-ins, and the store a kiosk serves when none is configured. */
class ConfigDropInTest {

    @TempDir
    Path etc;

    private Path file;
    private Path dropIns;
    private String stateBefore;
    private String demoBefore;

    @BeforeEach
    void files() throws IOException {
        file = etc.resolve("kiosk.conf");
        dropIns = Files.createDirectories(etc.resolve("kiosk.conf.d"));
        stateBefore = System.getProperty(KioskPaths.STATE_PROPERTY);
        demoBefore = System.getProperty(KioskPaths.DEMO_STORE_PROPERTY);
        System.setProperty(KioskPaths.STATE_PROPERTY, etc.resolve("state").toString());
        System.setProperty(KioskPaths.DEMO_STORE_PROPERTY, etc.resolve("demo-store").toString());
    }

    @AfterEach
    void restore() {
        restore(KioskPaths.STATE_PROPERTY, stateBefore);
        restore(KioskPaths.DEMO_STORE_PROPERTY, demoBefore);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void dropInsSetKeysOverTheMainFileInNameOrder() throws IOException {
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 20\nstaff:\n  call_after_misses: 3\n");
        Files.writeString(dropIns.resolve("60-late.conf"), "timeouts:\n  follow_up_seconds: 30\n");
        Files.writeString(dropIns.resolve("50-early.conf"), "timeouts:\n  follow_up_seconds: 45\n"
                + "  max_utterance_seconds: 10\n");
        // not a drop-in: what dpkg or an editor leaves beside one
        Files.writeString(dropIns.resolve("60-late.conf.dpkg-old"), "timeouts:\n  follow_up_seconds: 99\n");
        KioskConfig config = ConfigReader.read(file).config().orElseThrow();
        assertEquals(Duration.ofSeconds(30), config.timeouts().followUp(), "60-late.conf is read last");
        assertEquals(Duration.ofSeconds(10), config.timeouts().maxUtterance());
        assertEquals(3, config.staff().callAfterMisses(), "keys no drop-in sets keep the main file's value");
    }

    @Test
    void aMistakeInADropInNamesTheDropInAndItsLine() throws IOException {
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 20\n");
        Files.writeString(dropIns.resolve("50-panel.conf"), "panel:\n  kind: console\n  talk_buton: 5\n");
        ConfigReader.Result result = ConfigReader.read(file);
        assertTrue(result.config().isEmpty(), "a broken drop-in stops the whole configuration, like the main file");
        List<String> problems = result.problems().stream().map(Problem::toString).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(dropIns.resolve("50-panel.conf") + ":3: unknown key 'talk_buton'"),
                problems.get(0));
    }

    @Test
    void dropInsApplyWithoutAMainFile() throws IOException {
        Files.writeString(dropIns.resolve("10-privacy.conf"), "privacy:\n  log_transcripts: yes\n");
        KioskConfig config = ConfigReader.read(file).config().orElseThrow();
        assertTrue(config.privacy().logTranscripts());
    }

    @Test
    void withNoStoreConfiguredTheInstalledStorePackageServesElseTheDemoStore() throws IOException {
        Files.writeString(file, "timeouts:\n  follow_up_seconds: 20\n");
        assertEquals(etc.resolve("demo-store"), ConfigReader.read(file).config().orElseThrow().store().folder(),
                "no store package installed");
        Path stores = Files.createDirectories(etc.resolve("state").resolve(KioskPaths.STORES_FOLDER));
        Files.createDirectories(stores.resolve("half-removed"));
        Path installed = Files.createDirectories(stores.resolve("maple-street"));
        Files.writeString(installed.resolve("store.yaml"), "name: Maple Street Hardware\n");
        assertEquals(installed, ConfigReader.read(file).config().orElseThrow().store().folder(),
                "the folder with a store.yaml, not the one without");
        Files.writeString(dropIns.resolve("20-store.conf"), "store:\n  folder: /srv/elsewhere\n");
        assertEquals(Path.of("/srv/elsewhere"), ConfigReader.read(file).config().orElseThrow().store().folder(),
                "a configured folder wins");
    }
}
