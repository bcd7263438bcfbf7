package kiosk.app.service;

import java.time.Duration;
import java.util.Optional;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.tinylog.Logger;

/**
 * Tells systemd how the service is doing ({@code Type=notify}): READY once the models are loaded, WATCHDOG while the
 * loop makes progress (the run package's watchdog decides), STATUS lines for {@code systemctl status}, STOPPING on
 * the way out. Calls libsystemd's {@code sd_notify} through JNA (which the Vosk binding brings); outside systemd
 * ({@code NOTIFY_SOCKET} unset) every call does nothing.
 */
public final class SystemdNotifier {

    private final Optional<Function> sdNotify;
    private final Optional<Duration> watchdogInterval;
    private long lastWatchdogNanos;

    private SystemdNotifier(Optional<Function> sdNotify, Optional<Duration> watchdogInterval) {
        this.sdNotify = sdNotify;
        this.watchdogInterval = watchdogInterval;
    }

    /** The notifier for this process: real under systemd, silent elsewhere or when libsystemd is missing. */
    public static SystemdNotifier fromEnvironment() {
        if (System.getenv("NOTIFY_SOCKET") == null) {
            return new SystemdNotifier(Optional.empty(), Optional.empty());
        }
        Optional<Duration> watchdog = Optional.ofNullable(System.getenv("WATCHDOG_USEC"))
                .map(Long::parseLong).map(Duration::ofNanos).map(d -> d.multipliedBy(1000));
        return new SystemdNotifier(load(), watchdog);
    }

    /** A notifier that always talks to libsystemd, with the given watchdog interval (for tests). */
    public static SystemdNotifier withLibsystemd(Duration watchdogInterval) {
        return new SystemdNotifier(load(), Optional.of(watchdogInterval));
    }

    static Optional<Function> load() {
        try {
            return Optional.of(NativeLibrary.getInstance("libsystemd.so.0").getFunction("sd_notify"));
        } catch (UnsatisfiedLinkError e) {
            Logger.warn("NOTIFY_SOCKET is set but libsystemd.so.0 cannot be loaded ({}); systemd will not hear "
                    + "that the kiosk is ready", e.getMessage());
            return Optional.empty();
        }
    }

    public boolean active() {
        return sdNotify.isPresent();
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + status);
    }

    public void status(String status) {
        send("STATUS=" + status);
    }

    public void stopping() {
        send("STOPPING=1");
    }

    /** Pings the watchdog at most every half of {@code WatchdogSec}; call it from one thread as often as it likes. */
    public void watchdog() {
        if (watchdogInterval.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastWatchdogNanos >= watchdogInterval.get().toNanos() / 2) {
            lastWatchdogNanos = now;
            send("WATCHDOG=1");
        }
    }

    private void send(String state) {
        sdNotify.ifPresent(function -> {
            int result = function.invokeInt(new Object[] {0, state});
            if (result < 0) {
                Logger.warn("sd_notify(\"{}\") failed with {}", state.replace('\n', ' '), result);
            }
        });
    }
}
