package kiosk.app.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import kiosk.app.journal.Outcome;
import kiosk.app.staff.Cause;

/**
 * The kiosk's fleet metrics, kept with the Prometheus Java client and written in its text format: turns by outcome,
 * staff calls by cause, time per stage, device faults, the versions of the package, the models and the store
 * knowledge, and the knowledge's age. Counters start at zero with each process, as Prometheus expects.
 * Thread-safe (the client's instruments are).
 */
public final class KioskMetrics {

    /** Stage times from 10 ms to 20 s: recognition and understanding are tens of ms, speech a few seconds. */
    private static final double[] STAGE_BOUNDS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter turns;
    private final Counter staffCalls;
    private final Histogram stages;
    private final Gauge faults;
    private final Info build;
    private final Map<String, Boolean> devices = new ConcurrentHashMap<>();
    private volatile Instant knowledgeLoaded;

    /** The versions shown in {@code kiosk_build_info}. */
    public record Versions(String packageVersion, String speechModel, String encoder, String knowledge) {
    }

    public KioskMetrics(Versions versions, Instant knowledgeModified, Clock clock) {
        knowledgeLoaded = knowledgeModified;
        turns = Counter.builder().name("kiosk_turns_total").help("Turns taken, by outcome.")
                .labelNames("outcome").register(registry);
        staffCalls = Counter.builder().name("kiosk_staff_calls_total").help("Team members called, by cause.")
                .labelNames("cause").register(registry);
        stages = Histogram.builder().name("kiosk_stage_seconds").help("Time each stage of a turn took.")
                .labelNames("stage").classicOnly().classicUpperBounds(STAGE_BOUNDS).register(registry);
        faults = Gauge.builder().name("kiosk_device_fault").help("1 while a device (display, microphone, speaker) "
                + "is faulty, else 0.").labelNames("device").register(registry);
        build = Info.builder().name("kiosk_build_info").help("Package, model and store knowledge versions.")
                .labelNames("version", "speech_model", "encoder", "knowledge").register(registry);
        build.setLabelValues(versions.packageVersion(), versions.speechModel(), versions.encoder(),
                versions.knowledge());
        GaugeWithCallback.builder().name("kiosk_knowledge_age_seconds")
                .help("Seconds since the store knowledge files were last changed.")
                .callback(callback -> callback.call(Math.max(0,
                        java.time.Duration.between(knowledgeLoaded, clock.instant()).toMillis() / 1000.0)))
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            turns.labelValues(outcome.label()); // every outcome shows, 0 until it happens, so rates are defined
        }
        for (String device : new String[] {"display", "microphone", "speaker"}) {
            fault(device, false);
        }
    }

    public void turn(Outcome outcome, Map<String, Double> timingsMs) {
        turns.labelValues(outcome.label()).inc();
        timingsMs.forEach((stage, millis) -> stages.labelValues(stage).observe(millis / 1000.0));
    }

    public void staffCall(Cause cause) {
        staffCalls.labelValues(cause.label()).inc();
    }

    /** A device failed ({@code faulty}) or recovered. */
    public void fault(String device, boolean faulty) {
        devices.put(device, faulty);
        faults.labelValues(device).set(faulty ? 1 : 0);
    }

    /** The store knowledge was (re)loaded; its files were last changed at {@code modified}. */
    public void knowledge(Instant modified) {
        knowledgeLoaded = modified;
    }

    /** Everything in the Prometheus text format (version 0.0.4), as node_exporter's textfile collector reads it. */
    public byte[] text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
