package kiosk.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.service.ControlSocket;

/** How {@code kioskctl} reaches the running kiosk, and prints what it answers for a person. */
final class CtlSocket {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CtlSocket() {
    }

    static Path path() {
        return KioskPaths.fromSystemProperties().socket();
    }

    /** The kiosk's JSON answer to {@code request}, as a map. */
    static Map<String, Object> ask(String request, Duration timeout) throws IOException {
        refuseWithoutPermission(path());
        String reply = ControlSocket.request(path(), request, timeout);
        return JSON.readValue(reply, new TypeReference<Map<String, Object>>() { });
    }

    /** A socket this user may not open is "permission denied", not "not running": the kiosk may well run. */
    private static void refuseWithoutPermission(Path socket) throws AccessDeniedException {
        Path folder = socket.toAbsolutePath().getParent();
        boolean folderClosed = folder != null && Files.isDirectory(folder) && !Files.isExecutable(folder);
        if (folderClosed || Files.exists(socket) && !Files.isWritable(socket)) {
            throw new AccessDeniedException(socket.toString(), null, "permission denied: run kioskctl with sudo, or "
                    + "join the kiosk group (sudo adduser $USER kiosk, then log in again)");
        }
    }

    static String json(Object value) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** One {@code key  value} line per entry; nested maps become {@code outer.inner}, lists one item a line. */
    static void print(Map<String, Object> values, String prefix, PrintStream out) {
        values.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                print(inner, name, out);
            } else if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.printf("%-24s %s%n", name, "none");
                }
                list.forEach(item -> out.printf("%-24s %s%n", name, item));
            } else if (!key.equals("ok")) {
                out.printf("%-24s %s%n", name, value);
            }
        });
    }
}
