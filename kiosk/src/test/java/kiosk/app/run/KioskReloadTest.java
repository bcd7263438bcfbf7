package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.service.ControlSocket;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running kiosk (real models, console panel, control socket) reloads edited knowledge between turns, refuses a
 * broken configuration or store with the reason, keeps serving the last good knowledge, and counts its turns.
 */
class KioskReloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> ask(Path socket, String request) throws IOException {
        return JSON.readValue(ControlSocket.request(socket, request, Duration.ofMinutes(2)),
                new TypeReference<Map<String, Object>>() { });
    }

    private void waitFor(String text, int occurrences) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (screen().split(java.util.regex.Pattern.quote(text), -1).length - 1 >= occurrences) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' did not appear " + occurrences + " times:\n" + screen());
    }

    @Test
    void reloadsBetweenTurnsAndKeepsTheLastGoodKnowledgeWhenTheFilesAreBroken() throws Exception {
        Path store = dir.resolve("store");
        copy(Path.of("demo-store"), store);
        Path config = dir.resolve("kiosk.conf");
        Files.writeString(config, "store:\n  folder: store\nprivacy:\n  log_transcripts: yes\n");
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")), store,
                dir.resolve("state"));
        try (KioskModels models = new KioskModels(paths)) {
            Path spoken = dir.resolve("batteries.wav");
            WavFile.write(spoken, models.synthesizer().speakAll("where are the double a batteries")
                    .append(Audio.silence(300)));
            PipedOutputStream keys = new PipedOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            ConsolePanel panel = new ConsolePanel(new PipedInputStream(keys, 65536), out, 40);
            KioskConfig settings = ConfigReader.read(config).config().orElseThrow();
            StoreKiosk kiosk = StoreKiosk.open(store, models, problem -> { });
            TurnCounts counts = TurnCounts.open(paths.state().resolve("report.json"));
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")),
                    out, new KioskLoop.Services(SystemdNotifier.fromEnvironment(), settings,
                    () -> ConfigurationReload.read(config, models, Optional.empty()), Optional.of(counts),
                    Optional.empty()));
            Path socket = paths.state().resolve(ControlSocket.FILE_NAME);
            CompletableFuture<Integer> running;
            try (ControlSocket control = ControlSocket.open(socket, loop::control)) {
                running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return loop.run();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Map<String, Object> status = ask(socket, "status");
                assertEquals("Maple Street Hardware", ((Map<?, ?>) status.get("store")).get("name"), status.toString());
                assertEquals(270, ((Map<?, ?>) status.get("store")).get("products"));
                assertTrue(((Map<?, ?>) status.get("models")).get("speech").toString()
                        .startsWith("com.alphacephei:vosk-model-en:"), status.toString());

                int phrasesBefore = ((Number) ((Map<?, ?>) status.get("store")).get("recognizer_phrases")).intValue();

                // a spoken question is in progress when the technician's edit is reloaded; the edit also adds a
                // product, whose name the recognizer must be biased toward from then on
                Files.writeString(store.resolve("catalog.csv"), Files.readString(store.resolve("catalog.csv"))
                        .replace("Batteries,4,8.98,42", "Batteries,17,8.98,42")
                        + "MSH-9001,Zinnia Seed Packet,zinnia seeds,Garden,30,2.49,40\n");
                type(keys, spoken.toString());
                waitFor("Listening…", 1);
                Map<String, Object> reloaded = ask(socket, "reload");
                assertEquals(true, reloaded.get("ok"), reloaded.toString());
                assertTrue(reloaded.get("message").toString().contains("271 products"), reloaded.toString());
                int phrasesAfter = ((Number) ((Map<?, ?>) ask(socket, "status").get("store")).get("recognizer_phrases"))
                        .intValue();
                assertTrue(phrasesAfter > phrasesBefore, "the recognizer hears the new product's words: "
                        + phrasesBefore + " -> " + phrasesAfter);
                waitFor("heard: \"where are the double a batteries\" -> product_location", 1);
                assertTrue(screen().contains("AISLE 4"), "the turn in progress finished with the knowledge it "
                        + "began with: " + screen());
                type(keys, "where are the double a batteries");
                waitFor("AISLE 17", 1);

                // a mistyped key: refused with file:line, and the edited knowledge keeps serving
                Files.writeString(config, "store:\n  folder: store\ntimeouts:\n  folow_up_seconds: 5\n");
                Map<String, Object> refused = ask(socket, "reload");
                assertEquals(false, refused.get("ok"));
                assertTrue(refused.get("message").toString().contains("kiosk.conf:4: unknown key 'folow_up_seconds' "
                        + "in section 'timeouts' (did you mean 'follow_up_seconds'?)"), refused.toString());
                // a store that cannot load at all: refused too
                Files.writeString(config, "store:\n  folder: store\n");
                Files.delete(store.resolve("store.yaml"));
                Map<String, Object> noStore = ask(socket, "reload");
                assertEquals(false, noStore.get("ok"));
                assertTrue(noStore.get("message").toString().contains("store.yaml"), noStore.toString());
                type(keys, "where are the double a batteries");
                waitFor("AISLE 17", 2);
                waitFor("(spoken reply: ", 3); // a turn is counted when its answer has been said

                Map<String, Object> after = ask(socket, "status");
                List<?> errors = (List<?>) after.get("last_errors");
                assertEquals(2, errors.size(), after.toString());
                Map<?, ?> turns = (Map<?, ?>) after.get("turns");
                assertEquals(3, ((Number) turns.get("turns")).intValue(), turns.toString());
                assertEquals(3, ((Number) ((Map<?, ?>) turns.get("by_intent")).get("product_location")).intValue());
                assertFalse(ask(socket, "shutdown").get("ok").equals(true), "unknown requests are refused");
                type(keys, "/quit");
                assertEquals(0, running.get(60, TimeUnit.SECONDS));
            }
            assertFalse(Files.exists(socket), "the socket file is removed when the kiosk stops");
            assertEquals(3, TurnCounts.read(paths.state().resolve("report.json")).orElseThrow().turns(),
                    "the counts are on disk for kioskctl report");
        }
    }

    private static void type(PipedOutputStream keys, String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
