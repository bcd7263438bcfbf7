package kiosk.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kiosk.app.journal.Outcome;
import kiosk.app.staff.Cause;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node_exporter textfile, written by the Prometheus client and accepted by Prometheus's own promtool. */
class TextfileWriterTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path folder;

    private KioskMetrics metrics() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        KioskMetrics metrics = new KioskMetrics(new KioskMetrics.Versions("0.1.0", "vosk-model-small-en-us-0.15",
                "all-minilm-l6-v2-q", "demo-store 2026-11-30"), now.minus(Duration.ofHours(2)),
                Clock.fixed(now, ZoneOffset.UTC));
        metrics.turn(Outcome.ANSWERED, Map.of("understand", 40.0, "tts", 900.0));
        metrics.turn(Outcome.ANSWERED, Map.of("understand", 60.0));
        metrics.turn(Outcome.NOT_FOUND, Map.of("understand", 30.0));
        metrics.staffCall(Cause.ASKED_FOR_PERSON);
        metrics.fault("display", true);
        return metrics;
    }

    @Test
    void writesTheMetricsAtomically() throws Exception {
        TextfileWriter writer = new TextfileWriter(metrics(), folder, Duration.ofMinutes(1));
        assertTrue(writer.writeNow());
        String text = Files.readString(folder.resolve("kiosk.prom"));
        assertTrue(text.contains("kiosk_turns_total{outcome=\"answered\"} 2.0"), text);
        assertTrue(text.contains("kiosk_turns_total{outcome=\"escalated\"} 0.0"), text);
        assertTrue(text.contains("kiosk_staff_calls_total{cause=\"asked_for_person\"} 1.0"), text);
        assertTrue(text.contains("kiosk_stage_seconds_bucket{stage=\"understand\",le=\"0.05\"} 2"), text);
        assertTrue(text.contains("kiosk_device_fault{device=\"display\"} 1.0"), text);
        assertTrue(text.contains("kiosk_knowledge_age_seconds 7200.0"), text);
        assertTrue(text.contains("kiosk_build_info{encoder=\"all-minilm-l6-v2-q\""), text);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("kiosk.prom")), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aMissingFolderIsSaidOnceAndDoesNotStopTheKiosk() {
        TextfileWriter writer = new TextfileWriter(metrics(), folder.resolve("absent"), Duration.ofMinutes(1));
        assertFalse(writer.writeNow());
        assertFalse(writer.writeNow());
    }

    @Test
    void promtoolAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "skipped: promtool is not installed (apt-get install -y prometheus)");
        TextfileWriter writer = new TextfileWriter(metrics(), folder, Duration.ofMinutes(1));
        assertTrue(writer.writeNow());
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(folder.resolve("kiosk.prom").toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), "promtool check metrics: " + output);
    }
}
