package kiosk.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built .deb, inspected with dpkg-deb and run from an unpacked root, as a fleet would receive it. */
class DebianPackageIT {

    static final Path DEB = Path.of(System.getProperty("kiosk.deb", "target/kiosk_0.1.0_all.deb"));

    @TempDir
    static Path work;

    static Path root;
    static Path control;

    record Result(int code, String out) {
    }

    static Result run(Path directory, List<String> command, String... environment) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(process.exitValue(), out);
    }

    @BeforeAll
    static void unpack() throws Exception {
        Assumptions.assumeTrue(run(work, List.of("sh", "-c", "command -v dpkg-deb")).code() == 0,
                "dpkg-deb is not installed; skipping the package checks");
        root = work.resolve("root");
        control = work.resolve("control");
        assertEquals(0, run(work, List.of("dpkg-deb", "-x", DEB.toAbsolutePath().toString(), root.toString())).code());
        assertEquals(0, run(work, List.of("dpkg-deb", "-e", DEB.toAbsolutePath().toString(), control.toString()))
                .code());
    }

    @Test
    void controlFieldsNameTheVersionAndAJava17Runtime() throws IOException {
        String fields = Files.readString(control.resolve("control"));
        assertTrue(fields.contains("Package: kiosk\n"), fields);
        assertTrue(fields.contains("Version: " + System.getProperty("kiosk.version", "0.1.0") + "\n"), fields);
        assertTrue(fields.contains("Architecture: all\n"), fields);
        assertTrue(fields.contains("default-jre-headless (>= 2:1.17) | java17-runtime-headless"), fields);
    }

    @Test
    void theStoreIsAConffileAndTheLayoutFollowsDebianPolicy() throws IOException {
        List<String> conffiles = Files.readAllLines(control.resolve("conffiles"));
        assertTrue(conffiles.contains("/etc/kiosk/store/store.yaml"), conffiles.toString());
        assertTrue(conffiles.contains("/etc/kiosk/store/catalog.csv"), conffiles.toString());
        assertTrue(conffiles.contains("/etc/kiosk/kiosk.conf"), conffiles.toString());
        for (String file : List.of("usr/share/kiosk/kiosk.jar", "usr/bin/kiosk", "lib/systemd/system/kiosk.service",
                "usr/share/kiosk/models/vosk-model-en-us/am/final.mdl",
                "usr/share/kiosk/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx")) {
            assertTrue(Files.exists(root.resolve(file)), file + " is in the package");
        }
        assertTrue(Files.isExecutable(root.resolve("usr/bin/kiosk")));
        assertTrue(Files.isSymbolicLink(root.resolve("usr/bin/kioskctl")), "kioskctl is the same launcher");
    }

    @Test
    void kioskctlChecksThePackagedSettingsAndStoreAndPointsAtAMistake() throws Exception {
        Result check = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "check"),
                "KIOSK_ROOT", root.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("no problems in " + root.resolve("etc/kiosk/kiosk.conf")), check.out());
        assertTrue(check.out().contains("270 products"), check.out());

        Path edited = work.resolve("edited.conf");
        Files.writeString(edited, Files.readString(root.resolve("etc/kiosk/kiosk.conf"))
                .replace("  follow_up_seconds: 20", "  follow_up_second: 20"));
        Result mistake = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "check"),
                "KIOSK_ROOT", root.toString(), "KIOSK_CONFIG", edited.toString());
        assertEquals(1, mistake.code(), mistake.out());
        assertTrue(mistake.out().matches("(?s).*edited\\.conf:\\d+: unknown key 'follow_up_second' in section "
                + "'timeouts' \\(did you mean 'follow_up_seconds'\\?\\).*"), mistake.out());

        Result status = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "status", "--json"),
                "KIOSK_ROOT", root.toString(), "KIOSK_STATE", work.resolve("state-none").toString());
        assertEquals(3, status.code(), "no kiosk runs: " + status.out());
        assertTrue(status.out().contains("\"running\" : false"), status.out());
    }

    @Test
    void maintainerScriptsAreValidShell() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Result check = run(work, List.of("sh", "-n", control.resolve(script).toString()));
            assertEquals(0, check.code(), script + ": " + check.out());
        }
    }

    @Test
    void theUnpackedPackageAnswersAQuestionFromItsDemoStore() throws Exception {
        Path state = Files.createDirectories(work.resolve("state"));
        Result answer = run(work, List.of(root.resolve("usr/bin/kiosk").toString(), "ask", "--json",
                "where are the double a batteries"), "KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString());
        assertEquals(0, answer.code(), answer.out());
        assertTrue(answer.out().contains("\"answer\":\"The AA Batteries 8 Pack is in aisle 4.\""), answer.out());
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        Assumptions.assumeTrue(run(work, List.of("sh", "-c", "command -v systemd-analyze")).code() == 0,
                "systemd-analyze is not installed; skipping the unit check");
        // verify checks that ExecStart exists: point it at the unpacked launcher
        String unit = Files.readString(root.resolve("lib/systemd/system/kiosk.service"))
                .replace("ExecStart=/usr/bin/kiosk", "ExecStart=" + root.resolve("usr/bin/kiosk"));
        Path copy = Files.writeString(work.resolve("kiosk.service"), unit);
        Result verify = run(work, List.of("systemd-analyze", "verify", copy.toString()));
        assertEquals(0, verify.code(), verify.out());
        Result security = run(work, new ArrayList<>(List.of("systemd-analyze", "security", "--offline=true",
                copy.toString())));
        assertTrue(security.out().contains("Overall exposure level"), security.out());
    }
}
