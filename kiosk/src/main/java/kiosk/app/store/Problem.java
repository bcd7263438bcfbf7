package kiosk.app.store;

import java.nio.file.Path;

/** Something wrong in a store file, at a line (0 when it concerns the whole file), said so a technician can fix it. */
public record Problem(Path file, int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
