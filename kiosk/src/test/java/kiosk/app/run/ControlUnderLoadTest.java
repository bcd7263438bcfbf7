package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.service.ControlSocket;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket of a running kiosk cannot be silenced: 50 clients that connect and say nothing, a reload that
 * takes its time and a request line of a megabyte leave {@code status} answering at once; a second kiosk on the same
 * state folder is refused and told which process serves.
 */
class ControlUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> ask(Path socket, String request, Duration timeout) throws IOException {
        return JSON.readValue(ControlSocket.request(socket, request, timeout),
                new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void statusIsAnsweredWhileFiftyIdleClientsAreConnectedAndAReloadRuns(@TempDir Path dir) throws Exception {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        try (KioskModels models = new KioskModels(paths)) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            // a console with nothing typed (a service's /dev/null): the kiosk serves until stopped
            ConsolePanel panel = new ConsolePanel(new ByteArrayInputStream(new byte[0]), out, 40);
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            CountDownLatch reloading = new CountDownLatch(1);
            KioskLoop.Services defaults = KioskLoop.Services.defaults();
            KioskLoop.Services services = new KioskLoop.Services(defaults.systemd(), defaults.config(), () -> {
                reloading.countDown();
                try {
                    Thread.sleep(3000); // a store on a slow card
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ReloadOutcome.Refused("store.yaml: the test's reload refuses");
            }, defaults.counts(), defaults.microphone());
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")), out,
                    services);
            Path socket = dir.resolve(ControlSocket.FILE_NAME);
            List<SocketChannel> idle = new ArrayList<>();
            try (ControlSocket control = ControlSocket.open(socket, loop::control)) {
                CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return loop.run();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (int i = 0; i < 50; i++) {
                    idle.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
                }
                CompletableFuture<Map<String, Object>> reload = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ask(socket, "reload", Duration.ofSeconds(30));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(reloading.await(10, TimeUnit.SECONDS), "the reload started");
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    Map<String, Object> status = ask(socket, "status", Duration.ofSeconds(2));
                    assertEquals("Maple Street Hardware", ((Map<?, ?>) status.get("store")).get("name"));
                    assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "status answered within a second");
                }
                assertFalse(reload.isDone(), "the reload was still running while status answered");
                Map<String, Object> refused = reload.get(30, TimeUnit.SECONDS);
                assertEquals(false, refused.get("ok"), refused.toString());
                assertTrue(refused.get("message").toString().contains("the test's reload refuses"), refused.toString());

                // a line of a megabyte is refused in one sentence; the socket answers on
                try (SocketChannel flood = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    byte[] line = new byte[1 << 20];
                    java.util.Arrays.fill(line, (byte) 's');
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    try {
                        while (buffer.hasRemaining()) {
                            flood.write(buffer);
                        }
                    } catch (IOException e) {
                        // the kiosk stopped reading after its limit and closed: as it should
                    }
                    String reply = readLine(flood);
                    assertTrue(reply.contains("longer than " + ControlSocket.MAX_REQUEST_BYTES + " bytes"), reply);
                }
                assertEquals(true, ask(socket, "status", Duration.ofSeconds(2)).get("ok"));

                // the idle clients are cut off after the read timeout
                SocketChannel first = idle.get(0);
                long waited = System.nanoTime();
                assertEquals(-1, first.read(ByteBuffer.allocate(16)), "the kiosk closes a client that says nothing");
                assertTrue((System.nanoTime() - waited) / 1_000_000
                        <= ControlSocket.READ_TIMEOUT.toMillis() + 2000, "within the read timeout");

                // a second kiosk on the same state folder is refused, saying who serves
                try (StateLock lock = StateLock.acquire(dir)) {
                    StateLock.HeldException second = assertThrows(StateLock.HeldException.class,
                            () -> StateLock.acquire(dir));
                    assertTrue(second.getMessage().contains("process " + ProcessHandle.current().pid()),
                            second.getMessage());
                }
                StateLock.acquire(dir).close(); // released with its holder
                loop.stop();
                assertEquals(0, running.get(60, TimeUnit.SECONDS));
            } finally {
                for (SocketChannel channel : idle) {
                    channel.close();
                }
            }
        }
    }

    private static String readLine(SocketChannel channel) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (channel.read(one.clear()) > 0 && one.get(0) != '\n') {
            line.write(one.get(0));
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
