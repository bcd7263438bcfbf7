package kiosk.app.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.KioskPaths;
import kiosk.app.config.KioskConfig;
import kiosk.app.journal.Journal;
import kiosk.app.journal.JournalReport;
import kiosk.app.voice.KioskModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl report}: from the journal, turns and outcomes, the containment rate, staff calls by cause, the most
 * asked things the store lacks (grouped by meaning) and the time per stage. Never shoppers' words beyond the redacted
 * requests, and those only when {@code privacy.log_transcripts} let the journal keep them.
 */
@Command(name = "report", description = "Turns, containment, staff calls, not-found requests and stage times "
        + "from the journal.")
final class CtlReportCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Mixin
    private JournalOptions period;

    @Override
    public Integer call() throws IOException {
        KioskConfig config = Configuration.load();
        Optional<Journal> opened = JournalOptions.open(config, System.err);
        if (opened.isEmpty()) {
            System.out.println(json ? CtlSocket.json(Map.of("turns", 0, "sessions", 0)) : "no turns yet");
            return ExitCode.OK;
        }
        JournalReport report;
        try (Journal journal = opened.get();
             KioskModels models = new KioskModels(KioskPaths.fromSystemProperties(config.store().folder()))) {
            report = JournalReport.of(journal, period.since(), JournalOptions.encoder(models));
        }
        if (json) {
            System.out.println(CtlSocket.json(toJson(report)));
            return ExitCode.OK;
        }
        System.out.printf("since %s: %d turns in %d sessions%n", report.since(), report.turns(), report.sessions());
        System.out.printf("containment (sessions without a staff call): %s%n",
                report.containment().map(rate -> String.format("%.1f %%", rate * 100)).orElse("no sessions"));
        System.out.println("outcomes:");
        report.outcomes().forEach((outcome, count) -> System.out.printf("  %-28s %6d%n", outcome, count));
        System.out.println("staff calls by cause:");
        report.staffCalls().forEach((cause, count) -> System.out.printf("  %-28s %6d%n", cause, count));
        System.out.println("most asked, not in the store:");
        report.notFound().stream().limit(10).forEach(request -> System.out.printf("  %-40s %6d  %s%n",
                request.request(), request.count(), String.join(" | ", request.wordings())));
        System.out.println("stage times (ms):          samples      p50      p95");
        report.stages().forEach((stage, times) -> System.out.printf("  %-24s %8d %8.1f %8.1f%n", stage,
                times.samples(), times.p50Ms(), times.p95Ms()));
        return ExitCode.OK;
    }

    private static Map<String, Object> toJson(JournalReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("since", report.since().toString());
        out.put("turns", report.turns());
        out.put("sessions", report.sessions());
        out.put("containment", report.containment().orElse(null));
        out.put("outcomes", report.outcomes());
        out.put("staff_calls", report.staffCalls());
        out.put("not_found", report.notFound().stream().map(r -> Map.of("request", r.request(), "count", r.count(),
                "wordings", r.wordings())).toList());
        Map<String, Object> stages = new LinkedHashMap<>();
        report.stages().forEach((stage, t) -> stages.put(stage, Map.of("samples", t.samples(), "p50_ms", t.p50Ms(),
                "p95_ms", t.p95Ms())));
        out.put("stages_ms", stages);
        return out;
    }
}
