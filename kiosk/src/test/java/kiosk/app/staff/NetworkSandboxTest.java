package kiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop-in opens the sandbox to the configured destinations only, and stays closed without one. */
class NetworkSandboxTest {

    @TempDir
    Path folder;

    private KioskConfig.Staff staff(String lines) throws Exception {
        Path file = folder.resolve("kiosk.conf");
        Files.writeString(file, "staff:\n" + lines);
        return ConfigReader.read(file).config().orElseThrow().staff();
    }

    @Test
    void opensToEachDestinationAddressOnly() throws Exception {
        String dropIn = NetworkSandbox.dropIn(staff("  webhook: http://staff-pager.store.lan:8080/call\n"
                + "  mqtt_broker: tcp://127.0.0.1:1883\n"), host -> host.equals("staff-pager.store.lan")
                ? List.of("10.20.0.7", "fd00::7") : List.of(host));
        assertTrue(dropIn.contains("[Service]\nPrivateNetwork=no\nRestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n"
                + "IPAddressDeny=any\nIPAddressAllow=10.20.0.7\nIPAddressAllow=fd00::7\nIPAddressAllow=127.0.0.1\n"),
                dropIn);
    }

    @Test
    void staysClosedWithoutADestination() throws Exception {
        String dropIn = NetworkSandbox.dropIn(staff("  kiosk_id: k1\n"), host -> List.of("10.0.0.1"));
        assertFalse(dropIn.contains("IPAddressAllow"), dropIn);
        assertFalse(dropIn.contains("PrivateNetwork=no"), dropIn);
    }

    @Test
    void aDestinationThatDoesNotResolveIsNamed() {
        UnknownHostException e = assertThrows(UnknownHostException.class, () -> NetworkSandbox.dropIn(
                staff("  webhook: http://nowhere.lan/x\n"), host -> {
                    throw new UnknownHostException(host);
                }));
        assertEquals("the staff call destination http://nowhere.lan/x does not resolve: nowhere.lan", e.getMessage());
    }
}
