package kiosk.packaging;

import static kiosk.packaging.Packages.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kiosk.packaging.Packages.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built packages, inspected with dpkg-deb and run from one unpacked root (code and models together), as a fleet
 * would receive them: sizes, contents, only this architecture's natives, the launcher loading ONNX Runtime, the DJL
 * tokenizer and Vosk from the stripped jars and /usr/lib/kiosk, store packages, the unit, lintian.
 */
class DebianPackageIT {

    static final long MAX_CODE_PACKAGE = 60L * 1024 * 1024;

    @TempDir
    static Path work;

    static Path root;
    static Path control;

    @BeforeAll
    static void unpack() throws Exception {
        Assumptions.assumeTrue(Packages.installed("dpkg-deb"), "dpkg-deb is not installed; skipping the package "
                + "checks");
        root = work.resolve("root");
        Packages.unpack(Packages.AMD64, root);
        Packages.unpack(Packages.MODELS, root);
        control = Packages.control(Packages.AMD64, work.resolve("control"));
    }

    @Test
    void theCodePackageIsAmd64WithinItsSizeAndTheModelsAreTheirOwnPackage() throws Exception {
        assertTrue(Files.size(Packages.AMD64) <= MAX_CODE_PACKAGE, Packages.AMD64 + " is "
                + Files.size(Packages.AMD64) / 1_000_000 + " MB, over 60 MB");
        String fields = Files.readString(control.resolve("control"));
        assertTrue(fields.contains("Package: kiosk\n"), fields);
        assertTrue(fields.contains("Version: " + Packages.VERSION + "\n"), fields);
        assertTrue(fields.contains("Architecture: amd64\n"), fields);
        assertTrue(fields.contains("default-jre-headless (>= 2:1.17) | java17-runtime-headless"), fields);
        assertTrue(fields.contains("kiosk-models-en (>= " + Packages.MODELS_VERSION + ")"), fields);

        Path models = Packages.control(Packages.MODELS, work.resolve("models-control"));
        String modelFields = Files.readString(models.resolve("control"));
        assertTrue(modelFields.contains("Architecture: all\n"), modelFields);
        assertTrue(modelFields.contains("Replaces: kiosk (<< 0.2.0)"), "takes over 0.1.0's model files: "
                + modelFields);
        Result listing = run(work, List.of("dpkg-deb", "-c", Packages.MODELS.toAbsolutePath().toString()));
        assertTrue(listing.out().contains("./usr/share/kiosk/models/vosk-model-en-us/am/final.mdl"), listing.out());
        assertFalse(listing.out().contains(".jar"), "the models package holds models only");
        Result code = run(work, List.of("dpkg-deb", "-c", Packages.AMD64.toAbsolutePath().toString()));
        assertFalse(code.out().contains("/usr/share/kiosk/models/"), "the code package holds no model");
    }

    @Test
    void onlyAmd64NativesAreInsideJarsAndFolders() throws IOException {
        List<String> natives = Packages.natives(root);
        List<String> foreign = natives.stream().filter(line -> !line.endsWith(": amd64")).toList();
        assertEquals(List.of(), foreign, "natives of another platform in the amd64 package");
        for (String expected : List.of("usr/lib/kiosk/libvosk.so: amd64",
                "usr/lib/kiosk/libonnxruntime.so: amd64", "usr/lib/kiosk/libonnxruntime4j_jni.so: amd64",
                "usr/share/kiosk/lib/tokenizers-0.30.0.jar!native/lib/linux-x86_64/cpu/libtokenizers.so: amd64",
                "usr/share/kiosk/lib/jna-5.13.0.jar!com/sun/jna/linux-x86-64/libjnidispatch.so: amd64")) {
            assertTrue(natives.contains(expected), expected + " missing from " + natives);
        }
    }

    @Test
    void nothingIsAConffileAndTheLayoutFollowsDebianPolicy() throws IOException {
        assertFalse(Files.exists(control.resolve("conffiles")), "no conffile: upgrades never stop at a prompt");
        for (String file : List.of("usr/share/kiosk/kiosk.jar", "usr/bin/kiosk", "lib/systemd/system/kiosk.service",
                "usr/share/kiosk/kiosk.conf", "usr/share/kiosk/demo-store/store.yaml",
                "usr/share/doc/kiosk/copyright", "usr/share/doc/kiosk/changelog.Debian.gz",
                "usr/share/bash-completion/completions/kioskctl", "etc/kiosk/kiosk.conf.d",
                "usr/share/kiosk/models/vosk-model-en-us/am/final.mdl",
                "usr/share/kiosk/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx")) {
            assertTrue(Files.exists(root.resolve(file)), file + " is in the packages");
        }
        assertFalse(Files.exists(root.resolve("etc/kiosk/store")), "the demo store is no longer under /etc");
        assertTrue(Files.isExecutable(root.resolve("usr/bin/kiosk")));
        assertTrue(Files.isSymbolicLink(root.resolve("usr/bin/kioskctl")), "kioskctl is the same launcher");
        try (Stream<Path> libs = Files.list(root.resolve("usr/share/kiosk/lib"))) {
            assertFalse(libs.anyMatch(jar -> jar.getFileName().toString().startsWith("jsch")), "jsch is excluded");
        }
        String copyright = Files.readString(root.resolve("usr/share/doc/kiosk/copyright"));
        for (String component : List.of("onnxruntime", "vosk", "tokenizers", "jna", "freetts", "pi4j",
                "models/vosk-model-en-us", "models/all-minilm-l6-v2-q")) {
            assertTrue(copyright.contains(component), "copyright names " + component);
        }
    }

    @Test
    void theManPagesAreGeneratedFromTheCommands() throws Exception {
        Assumptions.assumeTrue(Packages.installed("asciidoctor"), "asciidoctor is not installed on this build host "
                + "(apt-get install asciidoctor): the build made no man pages; skipping their check");
        Result kioskctl = run(work, List.of("sh", "-c", "zcat " + root.resolve("usr/share/man/man8/kioskctl.8.gz")));
        assertTrue(kioskctl.out().contains(".TH \"KIOSKCTL\" \"8\""), kioskctl.out());
        assertTrue(kioskctl.out().contains("package\\-store"), "every subcommand is listed: " + kioskctl.out());
        Result kiosk = run(work, List.of("sh", "-c", "zcat " + root.resolve("usr/share/man/man1/kiosk.1.gz")));
        assertTrue(kiosk.out().contains(".TH \"KIOSK\" \"1\""), kiosk.out());
    }

    @Test
    void theUnpackedPackagesAnswerATypedQuestionFromTheDemoStore() throws Exception {
        // the DJL tokenizer loads its natives from the stripped jar, ONNX Runtime from /usr/lib/kiosk: its own log
        // (java.util.logging, at FINE) says where it loaded them from, and that nothing was unpacked at this start
        Path state = Files.createDirectories(work.resolve("state-ask"));
        Path logging = Files.writeString(work.resolve("ort-logging.properties"), """
                handlers=java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.level=FINE
                ai.onnxruntime.level=FINE
                """);
        Result answer = run(work, List.of(root.resolve("usr/bin/kiosk").toString(), "ask", "--json",
                "where are the double a batteries"), "KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString(),
                "KIOSK_CONFIG", root.resolve("usr/share/kiosk/kiosk.conf").toString(),
                "KIOSK_JAVA_OPTS", "-Djava.util.logging.config.file=" + logging);
        assertEquals(0, answer.code(), answer.out());
        assertTrue(answer.out().contains(
                "\"answer\":\"The AA Batteries 8 Pack is in aisle 4, in the Batteries department.\""), answer.out());
        assertTrue(answer.out().contains("Loaded native library 'onnxruntime' from specified path"), answer.out());
        assertFalse(answer.out().contains("Extracted native library"), answer.out());
    }

    @Test
    void voskLoadsFromUsrLibKioskAndRecognizesARecording() throws Exception {
        Path clips = Packages.SHARED.resolve("data/speech-to-intent/clean");
        Assumptions.assumeTrue(Files.isDirectory(clips), "no shared recordings at " + clips + "; skipping the Vosk "
                + "check");
        Path clip;
        try (Stream<Path> wavs = Files.list(clips)) {
            clip = wavs.filter(file -> file.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        }
        Path state = Files.createDirectories(work.resolve("state-vosk"));
        Result heard = run(work, List.of(root.resolve("usr/bin/kiosk").toString(), "transcribe", "--json",
                clip.toString()), "KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString(),
                "KIOSK_CONFIG", root.resolve("usr/share/kiosk/kiosk.conf").toString());
        assertEquals(0, heard.code(), heard.out());
        Matcher text = Pattern.compile("\"text\"\\s*:\\s*\"([^\"]+)\"").matcher(heard.out());
        assertTrue(text.find(), "Vosk heard words in " + clip + ": " + heard.out());
    }

    @Test
    void kioskctlChecksStagedFilesAndPointsAtAMistake() throws Exception {
        Path kioskctl = root.resolve("usr/bin/kioskctl");
        Result check = run(work, List.of(kioskctl.toString(), "check", "--config",
                root.resolve("usr/share/kiosk/kiosk.conf").toString(), "--store",
                root.resolve("usr/share/kiosk/demo-store").toString()), "KIOSK_ROOT", root.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("270 products"), check.out());

        Path staged = Files.createDirectories(work.resolve("staged"));
        Path edited = staged.resolve("kiosk.conf");
        Files.writeString(edited, Files.readString(root.resolve("usr/share/kiosk/kiosk.conf"))
                .replace("  follow_up_seconds: 20", "  follow_up_second: 20"));
        Result mistake = run(work, List.of(kioskctl.toString(), "check", "--config", edited.toString()),
                "KIOSK_ROOT", root.toString());
        assertEquals(1, mistake.code(), mistake.out());
        assertTrue(mistake.out().matches("(?s).*staged/kiosk\\.conf:\\d+: unknown key 'follow_up_second' in section "
                + "'timeouts' \\(did you mean 'follow_up_seconds'\\?\\).*"), mistake.out());

        // a drop-in is read after the main file and named in its own problems
        Files.writeString(edited, Files.readString(root.resolve("usr/share/kiosk/kiosk.conf")));
        Path dropIns = Files.createDirectories(staged.resolve("kiosk.conf.d"));
        Files.writeString(dropIns.resolve("50-panel.conf"), "panel:\n  kind: consol\n");
        Result dropIn = run(work, List.of(kioskctl.toString(), "check", "--config", edited.toString()),
                "KIOSK_ROOT", root.toString());
        assertEquals(1, dropIn.code(), dropIn.out());
        assertTrue(dropIn.out().contains("kiosk.conf.d/50-panel.conf:2: 'panel.kind'"), dropIn.out());
    }

    @Test
    void everySubcommandHasHelp() throws Exception {
        for (List<String> command : List.of(List.of("kioskctl", "status"), List.of("kioskctl", "package-store"),
                List.of("kioskctl", "reload"), List.of("kiosk", "ask"), List.of("kiosk", "listen"))) {
            List<String> line = new java.util.ArrayList<>(command);
            line.set(0, root.resolve("usr/bin/" + command.get(0)).toString());
            line.add("--help");
            Result help = run(work, line, "KIOSK_ROOT", root.toString());
            assertEquals(0, help.code(), command + ": " + help.out());
            assertTrue(help.out().startsWith("Usage: " + String.join(" ", command)), help.out());
        }
    }

    /** The benchmarks run from a checkout only: the package holds none, and says so in one line. */
    @Test
    void anInstalledKioskSaysTheBenchmarksAreNotInstalled() throws Exception {
        try (Stream<Path> jars = Files.walk(root.resolve("usr/share/kiosk"))) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                assertEquals(List.of(), Packages.benchmarkEntries(jar), "benchmarks inside " + jar);
            }
        }
        for (List<String> asked : List.of(List.of("bench"), List.of("bench", "smoke"),
                List.of("bench", "answers", "--set", "bench/eval/demo-dev.yaml"))) {
            List<String> line = new java.util.ArrayList<>(List.of(root.resolve("usr/bin/kiosk").toString()));
            line.addAll(asked);
            Result bench = run(work, line, "KIOSK_ROOT", root.toString());
            assertEquals(2, bench.code(), asked + ": " + bench.out());
            assertEquals("kiosk: the benchmarks are not part of the installed package; run them from a source "
                    + "checkout with bin/kiosk bench", bench.out().strip(), asked.toString());
        }
    }

    @Test
    void statusSaysNotRunningWithTheStoresAsOfTime() throws Exception {
        Path state = Files.createDirectories(work.resolve("state-none"));
        Result status = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "status", "--json"),
                "KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString(),
                "KIOSK_CONFIG", root.resolve("usr/share/kiosk/kiosk.conf").toString());
        assertEquals(3, status.code(), "no kiosk runs: " + status.out());
        assertTrue(status.out().contains("\"running\" : false"), status.out());
        assertTrue(status.out().contains("\"store_as_of\" : \"not packaged\""), "the demo store was not packaged: "
                + status.out());
    }

    @Test
    void aTechnicianOutsideTheKioskGroupIsToldPermissionDeniedNotNotRunning() throws Exception {
        Assumptions.assumeTrue(run(work, List.of("id", "-u")).out().strip().equals("0")
                && Packages.installed("runuser"), "not root or no runuser: skipping the permission check");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the running kiosk's /run/kiosk: 0750, its socket rw for the kiosk group only
        Path run = Files.createDirectories(work.resolve("run-kiosk"));
        Path socket = run.resolve("kiosk.sock");
        try (ServerSocketChannel kiosk = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            kiosk.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
            Result status = run(work, List.of("runuser", "-u", "nobody", "--",
                    root.resolve("usr/bin/kioskctl").toString(), "status"), "KIOSK_ROOT", root.toString(),
                    "KIOSK_SOCKET", socket.toString(), "KIOSK_CONFIG",
                    root.resolve("usr/share/kiosk/kiosk.conf").toString());
            assertEquals(1, status.code(), status.out());
            assertTrue(status.out().contains(socket + ": permission denied"), status.out());
            assertFalse(status.out().contains("not running"), status.out());
        }
    }

    @Test
    void kioskRunWritesAClassArchiveInTheStateFolderUsesItAfterAndStartsWithADamagedOne() throws Exception {
        Path state = Files.createDirectories(work.resolve("state-run"));
        Path cache = state.resolve("cache");
        quitAfterStart(state, "");
        List<Path> archives = archives(cache);
        assertEquals(1, archives.size(), "the first run wrote one archive at exit: " + archives);
        Path archive = archives.get(0);
        assertTrue(Files.size(archive) > 5_000_000, archive + " holds the loaded classes");

        // the JVM's own class loading log says where the kiosk's classes came from
        String second = quitAfterStart(state, "-Xlog:class+load=info");
        assertTrue(second.contains("kiosk.app.Main source: shared objects file (top)"), second);
        assertEquals(List.of(archive), archives(cache), "the archive is used as it is, not written again");

        // damaged in the middle (its header intact): checked (VerifySharedSpaces) and left aside, the kiosk starts
        archive.toFile().setWritable(true);
        try (var file = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[1_000_000]);
        }
        String damaged = quitAfterStart(state, "-Xlog:class+load=info");
        assertTrue(damaged.contains("kiosk.app.Main source: jrt:/") || damaged.contains("kiosk.app.Main source: file:"),
                damaged);
        assertFalse(damaged.contains("kiosk.app.Main source: shared objects file"), damaged);

        // another jar (an upgrade) is another archive's name: the old one is removed and a new one written
        Path renamed = cache.resolve("kiosk-run-0.jsa");
        Files.move(archive, renamed);
        quitAfterStart(state, "");
        List<Path> after = archives(cache);
        assertEquals(List.of(archive), after, "the stale archive was removed and the current one written again");
    }

    /** Starts {@code kiosk run} from the unpacked package on the console panel and types /quit; its output. */
    private static String quitAfterStart(Path state, String javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/bin/kiosk").toString(), "run")
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().putAll(java.util.Map.of("KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString(),
                "KIOSK_CONFIG", root.resolve("usr/share/kiosk/kiosk.conf").toString(),
                "KIOSK_SOCKET", state.resolve("kiosk.sock").toString(), "KIOSK_JAVA_OPTS", javaOptions));
        Process process = builder.start();
        process.getOutputStream().write("/quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "kiosk run did not stop: " + out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void maintainerScriptsAreValidShell() throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Result check = run(work, List.of("sh", "-n", control.resolve(script).toString()));
            assertEquals(0, check.code(), script + ": " + check.out());
        }
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerifyAndSecurityAtMost1Point5() throws Exception {
        Assumptions.assumeTrue(Packages.installed("systemd-analyze"), "systemd-analyze is not installed; skipping "
                + "the unit check");
        String unit = Files.readString(root.resolve("lib/systemd/system/kiosk.service"));
        assertTrue(unit.lines().noneMatch(line -> line.startsWith("SupplementaryGroups=")),
                "the unit asks for no group that may not exist");
        assertTrue(unit.contains("ExecReload=/usr/bin/kioskctl reload"), unit);
        assertTrue(unit.contains("RuntimeDirectory=kiosk"), unit);
        assertTrue(unit.contains("MemoryMax="), unit);
        // verify checks that the programs exist: point them at the unpacked launcher
        Path copy = Files.writeString(work.resolve("kiosk.service"), unit
                .replace("ExecStart=/usr/bin/kiosk", "ExecStart=" + root.resolve("usr/bin/kiosk"))
                .replace("ExecReload=/usr/bin/kioskctl", "ExecReload=" + root.resolve("usr/bin/kioskctl")));
        Result verify = run(work, List.of("systemd-analyze", "verify", copy.toString()));
        assertEquals(0, verify.code(), verify.out());
        Result security = run(work, List.of("systemd-analyze", "security", "--offline=true", copy.toString()));
        Matcher level = Pattern.compile("Overall exposure level for kiosk\\.service: (\\d+\\.\\d+)")
                .matcher(security.out());
        assertTrue(level.find(), security.out());
        assertTrue(Double.parseDouble(level.group(1)) <= 1.5, "exposure " + level.group(1) + ":\n" + security.out());
    }

    @Test
    void lintianFindsNoErrorsInTheCodeAndModelsPackages() throws Exception {
        Assumptions.assumeTrue(Packages.installed("lintian"), "lintian is not installed (apt-get install lintian); "
                + "skipping the lintian check");
        Result lint = run(work, List.of("lintian", "--tag-display-limit", "0", Packages.AMD64.toAbsolutePath()
                .toString(), Packages.MODELS.toAbsolutePath().toString()));
        List<String> errors = lint.out().lines().filter(line -> line.startsWith("E: ")).toList();
        assertEquals(List.of(), errors, lint.out());
    }
}
