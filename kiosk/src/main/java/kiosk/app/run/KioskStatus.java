package kiosk.app.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;

/** What {@code kioskctl status} shows; built on the control socket's thread from state safe to read there. */
final class KioskStatus {

    private final Instant started = Instant.now();
    private final KioskModels models;
    private final String panel;
    private final Replies replies;
    private final String microphone;
    private final FaultLog faults;
    private final Optional<TurnCounts> counts;

    KioskStatus(KioskModels models, String panel, Replies replies, String microphone, FaultLog faults,
                Optional<TurnCounts> counts) {
        this.models = models;
        this.panel = panel;
        this.replies = replies;
        this.microphone = microphone;
        this.faults = faults;
        this.counts = counts;
    }

    Map<String, Object> report(Serving serving, String session, Optional<String> watchdogWithheld) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ok", true);
        status.put("version", Optional.ofNullable(KioskStatus.class.getPackage().getImplementationVersion())
                .orElse("development build"));
        status.put("started", started.toString());
        status.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        status.put("config", serving.config().file().toString());
        status.put("store", store(serving));
        status.put("models", models(serving));
        status.put("panel", panel);
        status.put("mode", serving.outOfService().isPresent() ? "out of service: no store knowledge, a team member is "
                + "called on every press" : faults.failed("display") ? "voice only (the display failed; retrying)"
                : "normal");
        status.put("panel_faults", faults.faultyParts());
        status.put("speaker", replies.description());
        status.put("microphone", microphone);
        status.put("session", session);
        watchdogWithheld.ifPresent(reason -> status.put("watchdog", "not pinging systemd: " + reason));
        counts.ifPresent(c -> status.put("turns", c.report()));
        status.put("last_errors", faults.lastErrors());
        return status;
    }

    private static Map<String, Object> store(Serving serving) {
        Map<String, Object> store = new LinkedHashMap<>();
        if (serving.store() instanceof StoreState.OutOfService out) {
            store.put("state", "refused");
            store.put(out.what() == StoreState.Refused.STORE ? "folder" : "settings", out.path().toString());
            store.put("refused", out.reason());
            store.put("fix", "correct the file, check it with kioskctl check, then kioskctl reload");
            return store;
        }
        StoreKiosk kiosk = serving.kiosk().orElseThrow();
        store.put("state", "serving");
        store.put("name", kiosk.knowledge().name());
        store.put("folder", kiosk.folder().toString());
        store.put("products", kiosk.knowledge().products().size());
        store.put("faq_entries", kiosk.knowledge().faqs().size());
        store.put("command_contexts", kiosk.contexts().size());
        store.put("recognizer_phrases", serving.voice().recognition().phrases().size());
        // until the store's grammar is compiled, spoken turns are heard by the free decoder alone
        store.put("recognizer", kiosk.recognizerPrepared().isDone() ? "ready: store grammar and free decoder"
                : "compiling the store grammar: the free decoder alone hears turns until it is ready");
        return store;
    }

    private Map<String, Object> models(Serving serving) {
        Map<String, Object> info = new LinkedHashMap<>();
        Properties versions = new Properties();
        try (Reader in = Files.newBufferedReader(models.paths().models().resolve("versions.properties"))) {
            versions.load(in);
        } catch (IOException e) {
            // a models folder assembled by hand has no versions file: the folders say what is there
        }
        info.put("speech", versions.getProperty("speech", "?") + " in " + models.paths().voskModel());
        info.put("encoder", versions.getProperty("encoder", "?") + " in " + models.paths().encoderModel());
        info.put("voice", versions.getProperty("voice", "FreeTTS kevin16"));
        String pack = serving.config().models().pack();
        Optional<kiosk.app.dialogue.GroundedPhrasing> phrasing = serving.kiosk().flatMap(StoreKiosk::phrasing);
        info.put("pack", phrasing.isPresent() ? pack + " (loaded)"
                : pack.equals("none") ? "none" : pack + " (not loaded: see the log)");
        phrasing.ifPresent(p -> info.put("pack_replies", Map.of("phrased", p.phrasedCount(),
                "template", p.fallbackCount())));
        return info;
    }

}
