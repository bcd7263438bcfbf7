package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.jna.NativeLibrary;
import kiosk.app.KioskPaths;
import kiosk.app.service.SystemdNotifier;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.hardware.Light;
import kiosk.hardware.Panel;
import kiosk.hardware.PanelEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd's watchdog (the real libsystemd {@code sd_notify} to a socket standing in for systemd) is pinged while the
 * loop makes progress, and no more once the loop's thread is stuck (here in a display that hangs), so that systemd
 * restarts the kiosk.
 */
class WatchdogTest {

    /** The console panel, whose display hangs for good once {@link #hang} is counted down. */
    private static final class HangingPanel implements Panel {
        private final ConsolePanel console;
        private final CountDownLatch hang = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        HangingPanel(ConsolePanel console) {
            this.console = console;
        }

        @Override
        public void onEvent(Consumer<PanelEvent> listener) {
            console.onEvent(listener);
        }

        @Override
        public void start() {
            console.start();
        }

        @Override
        public void show(String top, String bottom, Optional<String> aisle) {
            if (hang.getCount() == 0) {
                try {
                    release.await(); // an I2C write that never returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            console.show(top, bottom, aisle);
        }

        @Override
        public void lights(Light listening, Light staff) {
            console.lights(listening, staff);
        }

        @Override
        public String description() {
            return "a console panel whose display hangs";
        }

        @Override
        public void close() {
            release.countDown();
            console.close();
        }
    }

    @Test
    void theWatchdogIsPingedWhileTheLoopProgressesAndNotOnceItIsStuck(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/python3")), "python3 is needed to listen on the socket");
        Path socket = dir.resolve("notify");
        Process listener = new ProcessBuilder("python3", "-u", "-c", String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
                "s.bind(sys.argv[1])",
                "print('listening', flush=True)",
                "while True:",
                "    print(s.recv(4096).decode().replace('\\n', '|'), flush=True)"), socket.toString())
                .redirectErrorStream(true).start();
        AtomicInteger pings = new AtomicInteger();
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), dir);
        // not closed here: the counting thread reads it until the listener is destroyed, which ends the stream
        BufferedReader lines = new BufferedReader(new InputStreamReader(listener.getInputStream(),
                StandardCharsets.UTF_8));
        try (KioskModels models = new KioskModels(paths)) {
            assertEquals("listening", lines.readLine());
            Thread counting = new Thread(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.equals("WATCHDOG=1")) {
                            pings.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // the listener ended
                }
            });
            counting.setDaemon(true);
            counting.start();
            // sd_notify reads NOTIFY_SOCKET from the C environment, which the JVM does not let Java change
            NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {"NOTIFY_SOCKET",
                    socket.toString(), 1});
            PipedOutputStream keys = new PipedOutputStream();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            HangingPanel panel = new HangingPanel(new ConsolePanel(new PipedInputStream(keys, 4096), out, 40));
            StoreKiosk kiosk = StoreKiosk.open(paths.store(), models, problem -> { });
            KioskLoop loop = new KioskLoop(panel, kiosk, models, Replies.toFiles(dir.resolve("replies")), out,
                    KioskLoop.Services.defaults().withSystemd(SystemdNotifier.withLibsystemd(Duration.ofMillis(400))));
            Thread running = new Thread(() -> {
                try {
                    loop.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kiosk-under-test");
            running.setDaemon(true);
            running.start();

            Thread.sleep(3000);
            int healthy = pings.get();
            assertTrue(healthy >= 2, "pinged while the loop runs: " + healthy);

            panel.hang.countDown();
            keys.write("where are the double a batteries\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            // the stall is noticed after LoopWatchdog.STALL; then no ping comes any more
            Thread.sleep(LoopWatchdog.STALL.toMillis() + 1500);
            int whenStuck = pings.get();
            Map<String, Object> status = loop.status();
            assertTrue(String.valueOf(status.get("watchdog")).contains("no progress"), status.toString());
            Thread.sleep(3000);
            assertEquals(whenStuck, pings.get(), "no ping while the loop is stuck");
            panel.release.countDown();
            loop.stop();
            running.join(60_000);
            panel.close();
        } finally {
            NativeLibrary.getInstance("c").getFunction("unsetenv").invokeInt(new Object[] {"NOTIFY_SOCKET"});
            listener.destroy();
        }
    }
}
