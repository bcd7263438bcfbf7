package kiosk.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real libsystemd {@code sd_notify} talking to a datagram socket that stands in for systemd (a small Python
 * listener, since Java has no Unix datagram sockets): the messages are the protocol's.
 */
class SystemdNotifierTest {

    @Test
    void outsideSystemdNothingIsSent() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
        Assumptions.assumeTrue(System.getenv("NOTIFY_SOCKET") == null, "running under systemd");
        assertFalse(notifier.active());
        notifier.ready("test");
        notifier.watchdog();
    }

    @Test
    void readyStatusWatchdogAndStoppingReachTheNotifySocket(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/python3")), "python3 is needed to listen on the socket");
        Path socket = dir.resolve("notify");
        Process listener = new ProcessBuilder("python3", "-u", "-c", String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
                "s.bind(sys.argv[1])",
                "print('listening', flush=True)",
                "for _ in range(4):",
                "    print(s.recv(4096).decode().replace('\\n', '|'), flush=True)"), socket.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(listener.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("listening", lines.readLine());
            // sd_notify reads NOTIFY_SOCKET from the C environment, which the JVM does not let Java change
            NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {"NOTIFY_SOCKET",
                    socket.toString(), 1});
            SystemdNotifier notifier = SystemdNotifier.withLibsystemd(Duration.ofSeconds(30));
            assertTrue(notifier.active());
            notifier.ready("serving Maple Street Hardware");
            notifier.watchdog();
            notifier.watchdog(); // within half the interval: not sent again
            notifier.status("answering");
            notifier.stopping();
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                received.add(lines.readLine());
            }
            assertEquals(List.of("READY=1|STATUS=serving Maple Street Hardware", "WATCHDOG=1", "STATUS=answering",
                    "STOPPING=1"), received);
        } finally {
            NativeLibrary.getInstance("c").getFunction("unsetenv").invokeInt(new Object[] {"NOTIFY_SOCKET"});
            listener.destroy();
            listener.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
