package kiosk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import kiosk.app.config.KioskConfig;
import kiosk.app.metrics.KioskMetrics;
import kiosk.app.metrics.TextfileWriter;
import kiosk.app.run.StoreState;
import kiosk.app.staff.Attendant;
import kiosk.app.staff.BeaconChannel;
import kiosk.app.staff.StaffChannel;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.GpioBeacon;
import kiosk.hardware.HardwareException;

/**
 * What {@code kiosk run} adds for the store's operations (issue 15): the attendant (journal and staff desk), the
 * staff beacon when one is configured, and the metrics written for node_exporter every minute. Owns them and closes
 * them once, in reverse order.
 */
record Operations(Attendant attendant, Optional<TextfileWriter> textfile) implements AutoCloseable {

    /** {@code store}: what serves; a kiosk out of service reports its knowledge as "none" and no knowledge age. */
    static Operations start(KioskConfig config, KioskModels models, StoreState store, Consumer<String> problems) {
        Optional<StoreKiosk> kiosk = store instanceof StoreState.InService serves ? Optional.of(serves.kiosk())
                : Optional.empty();
        Clock clock = Clock.systemUTC();
        KioskMetrics metrics = new KioskMetrics(new KioskMetrics.Versions(
                Optional.ofNullable(Operations.class.getPackage().getImplementationVersion()).orElse("checkout"),
                models.paths().voskModel().getFileName().toString(),
                models.paths().encoderModel().getFileName().toString(),
                kiosk.map(k -> k.knowledge().name()).orElse("none")),
                kiosk.map(k -> knowledgeModified(k.folder())).orElse(Instant.EPOCH), clock);
        List<StaffChannel> local = new ArrayList<>();
        if (config.staff().beaconPin() >= 0) {
            try {
                local.add(new BeaconChannel(GpioBeacon.open(config.staff().beaconPin())));
            } catch (HardwareException e) {
                problems.accept("staff beacon: " + e.getMessage());
            }
        }
        Attendant attendant = Attendant.open(config, models.paths().state(), local, Optional.of(metrics), clock);
        Optional<TextfileWriter> textfile = config.metrics().folder()
                .map(folder -> new TextfileWriter(metrics, folder, Duration.ofMinutes(1)));
        textfile.ifPresent(TextfileWriter::start);
        return new Operations(attendant, textfile);
    }

    /** When the store's knowledge files last changed (the newest of them). */
    static Instant knowledgeModified(Path folder) {
        Instant newest = Instant.EPOCH;
        for (String name : List.of("store.yaml", "catalog.csv", "faq.yaml")) {
            try {
                FileTime time = Files.getLastModifiedTime(folder.resolve(name));
                newest = time.toInstant().isAfter(newest) ? time.toInstant() : newest;
            } catch (IOException e) {
                // a missing file was reported when the store loaded
            }
        }
        return newest;
    }

    @Override
    public void close() {
        textfile.ifPresent(TextfileWriter::close);
        attendant.close();
    }
}
