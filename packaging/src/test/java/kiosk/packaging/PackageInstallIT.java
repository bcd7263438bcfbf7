package kiosk.packaging;

import static kiosk.packaging.Packages.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import kiosk.packaging.Packages.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages installed with {@code dpkg --root} into empty system images (maintainer scripts run with
 * {@code DPKG_ROOT}, as dpkg's --force-script-chrootless runs them): a first install with a store package, the upgrade
 * from 0.1.0 with edited settings and store that must not stop at a conffile prompt, an administrator's disable that
 * must survive an upgrade, and a purge.
 */
class PackageInstallIT {

    /** The last commit of 0.1.0: its control file, unit, settings and demo store (its conffiles) are taken from it. */
    static final String RELEASE_0_1_0 = "0a57965";

    @TempDir
    static Path work;

    /** A kiosk's tools, unpacked once: used to build store packages as a technician's machine would. */
    static Path tools;
    static Path storeDeb;

    @BeforeAll
    static void prepare() throws Exception {
        Assumptions.assumeTrue(Packages.installed("dpkg") && Packages.installed("dpkg-deb"), "dpkg is not installed; "
                + "skipping the install and upgrade checks");
        Assumptions.assumeTrue(run(work, List.of("id", "-u")).out().strip().equals("0"), "not root: dpkg --root "
                + "installs need root to own files as root; skipping the install and upgrade checks");
        tools = work.resolve("tools");
        Packages.unpack(Packages.AMD64, tools);
        Packages.unpack(Packages.MODELS, tools);
        Path out = Files.createDirectories(work.resolve("stores"));
        Result built = kioskctl(tools, "package-store", tools.resolve("usr/share/kiosk/demo-store").toString(),
                "--store-id", "maple-street", "--version", "2026.12.03", "--output", out.toString());
        assertEquals(0, built.code(), built.out());
        storeDeb = out.resolve("kiosk-store-maple-street_2026.12.03_all.deb");
        assertTrue(Files.isRegularFile(storeDeb), built.out());
    }

    static Result kioskctl(Path root, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("usr/bin/kioskctl").toString()));
        command.addAll(List.of(arguments));
        return run(work, command, "KIOSK_ROOT", root.toString());
    }

    /** An empty system image dpkg can install into: its database, root's account and the audio group only. */
    static Path image(String name) throws IOException {
        Path root = Files.createDirectories(work.resolve(name));
        Path dpkg = Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createDirectories(dpkg.resolve("info"));
        Files.createDirectories(dpkg.resolve("updates"));
        Files.writeString(dpkg.resolve("status"), "");
        Files.writeString(dpkg.resolve("available"), "");
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\naudio:x:29:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\naudio:*::\n");
        return root;
    }

    /** {@code dpkg --root} as unattended upgrades run it: no terminal, no --force-conf* answer given beforehand. */
    static Result dpkg(Path root, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-script-chrootless",
                "--force-depends", "--log=" + work.resolve("dpkg.log")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "dpkg timed out: " + command);
        return new Result(process.exitValue(), out);
    }

    static Result install(Path root, Path... debs) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--install"));
        for (Path deb : debs) {
            arguments.add(deb.toAbsolutePath().toString());
        }
        return dpkg(root, arguments.toArray(String[]::new));
    }

    static boolean enabled(Path root) {
        return Files.isSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/kiosk.service"));
    }

    /** kiosk 0.1.0 as released at {@value #RELEASE_0_1_0}: its control file, conffiles, unit and launcher. */
    static Path release010() throws IOException, InterruptedException {
        Path source = Files.createDirectories(work.resolve("git-0.1.0"));
        Result archive = run(Packages.REPO, List.of("sh", "-c", "git archive " + RELEASE_0_1_0
                + " packaging/src/deb/control kiosk/kiosk.conf kiosk/demo-store systemd | tar -x -C " + source));
        Assumptions.assumeTrue(archive.code() == 0, "commit " + RELEASE_0_1_0 + " (0.1.0) is not in this checkout: "
                + "skipping the upgrade check (" + archive.out().strip() + ")");
        Path tree = Files.createDirectories(work.resolve("tree-0.1.0"));
        Path control = Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(control.resolve("control"), Files.readString(source.resolve(
                "packaging/src/deb/control/control")).replace("[[version]]", "0.1.0"));
        List<String> conffiles = new ArrayList<>(List.of("/etc/kiosk/kiosk.conf"));
        copy(source.resolve("kiosk/kiosk.conf"), tree.resolve("etc/kiosk/kiosk.conf"));
        Path demo = source.resolve("kiosk/demo-store");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = demo.relativize(file).toString();
                copy(file, tree.resolve("etc/kiosk/store/" + relative));
                conffiles.add("/etc/kiosk/store/" + relative);
            }
        }
        Files.write(control.resolve("conffiles"), conffiles);
        copy(source.resolve("systemd/kiosk.service"), tree.resolve("lib/systemd/system/kiosk.service"));
        copy(source.resolve("systemd/kiosk"), tree.resolve("usr/bin/kiosk"));
        // a file of 0.1.0's models folder, which kiosk-models-en takes over (Replaces/Breaks: kiosk << 0.2.0)
        copy(tools.resolve("usr/share/kiosk/models/versions.properties"),
                tree.resolve("usr/share/kiosk/models/versions.properties"));
        Path deb = work.resolve("kiosk_0.1.0_all.deb");
        Result built = run(work, List.of("dpkg-deb", "--root-owner-group", "-Znone", "--build", tree.toString(),
                deb.toString()));
        assertEquals(0, built.code(), built.out());
        return deb;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    @Test
    void aFirstInstallServesTheStorePackageAndPurgeLeavesNothing() throws Exception {
        Path root = image("fresh");
        Result installed = install(root, Packages.AMD64, Packages.MODELS, storeDeb);
        assertEquals(0, installed.code(), installed.out());
        assertTrue(Files.readString(root.resolve("etc/passwd")).contains("kiosk:"), "the kiosk user exists");
        assertTrue(Files.readString(root.resolve("etc/group")).matches("(?s).*audio:x:29:kiosk\n.*"),
                "the kiosk user joined the audio group the image has: " + Files.readString(root.resolve("etc/group")));
        assertTrue(Files.isRegularFile(root.resolve("etc/kiosk/kiosk.conf")), "settings written from the template");
        assertTrue(enabled(root), "a first install enables the unit");
        assertTrue(Files.isRegularFile(root.resolve("var/lib/kiosk/stores/maple-street/store.yaml")));

        Result conffiles = dpkg(root, "--status", "kiosk-store-maple-street");
        assertFalse(conffiles.out().contains("Conffiles:"), "store files are data, not conffiles: "
                + conffiles.out());
        // no store configured: the installed store package serves, as of its build time
        Result check = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "check"), "KIOSK_ROOT",
                root.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains(root.resolve("var/lib/kiosk/stores/maple-street").toString()), check.out());
        Result status = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "status", "--json"),
                "KIOSK_ROOT", root.toString());
        assertEquals(3, status.code(), status.out());
        assertTrue(status.out().matches("(?s).*\"store_as_of\" : \"20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\".*"),
                status.out());

        Result purged = dpkg(root, "--purge", "kiosk-store-maple-street", "kiosk", "kiosk-models-en");
        assertEquals(0, purged.code(), purged.out());
        assertFalse(Files.exists(root.resolve("etc/kiosk/kiosk.conf")), "purge removes the settings");
        assertFalse(Files.exists(root.resolve("var/lib/kiosk")), "purge removes the state");
        assertFalse(Files.readString(root.resolve("etc/passwd")).contains("kiosk:"), "purge removes the user");
        assertFalse(enabled(root));
    }

    @Test
    void theUpgradeFrom010KeepsEditsWithoutAPromptAndAnAdministratorsDisable() throws Exception {
        Path old = release010();
        Path root = image("upgrade");
        Result first = install(root, old);
        assertEquals(0, first.code(), first.out());
        // what 0.1.0's postinst did (its scripts are not run here: they act on the host, not on DPKG_ROOT)
        assertEquals(0, run(work, List.of("useradd", "--root", root.toString(), "--system", "--user-group",
                "--no-create-home", "kiosk")).code());
        Path conf = root.resolve("etc/kiosk/kiosk.conf");
        Files.writeString(conf, Files.readString(conf).replace("follow_up_seconds: 20", "follow_up_seconds: 45"));
        Path storeFile = root.resolve("etc/kiosk/store/store.yaml");
        Files.writeString(storeFile, Files.readString(storeFile) + "# checked by the store manager\n");

        Result upgrade = install(root, Packages.AMD64, Packages.MODELS);
        assertEquals(0, upgrade.code(), upgrade.out());
        assertFalse(upgrade.out().contains("Configuration file"), "no conffile prompt: " + upgrade.out());
        assertTrue(Files.readString(conf).contains("follow_up_seconds: 45"), "the edited settings are kept");
        assertTrue(Files.readString(storeFile).endsWith("# checked by the store manager\n"), "the store is kept");
        Result owner = dpkg(root, "--search", "/usr/share/kiosk/models/versions.properties");
        assertTrue(owner.out().startsWith("kiosk-models-en:"), owner.out());
        assertTrue(enabled(root), "0.1.0 never ran deb-systemd-helper: the upgrade enables the unit");
        // the kept settings still work with the new kiosk: the 0.1.0 store under /etc/kiosk/store serves
        Result check = run(work, List.of(root.resolve("usr/bin/kioskctl").toString(), "check"), "KIOSK_ROOT",
                root.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains(root.resolve("etc/kiosk/store").toString()), check.out());

        // the administrator disables the kiosk; the next upgrade (here: the same packages again) leaves it disabled
        Assumptions.assumeTrue(Packages.installed("systemctl"), "systemctl is not installed; skipping the disable "
                + "check");
        Result disable = run(work, List.of("systemctl", "--root=" + root, "disable", "kiosk.service"));
        assertEquals(0, disable.code(), disable.out());
        assertFalse(enabled(root));
        Result again = install(root, Packages.AMD64, Packages.MODELS);
        assertEquals(0, again.code(), again.out());
        assertFalse(enabled(root), "an administrator's disable survives the upgrade");
    }

    @Test
    void aStoreWithAMistakeIsNotPackaged() throws Exception {
        Path broken = Files.createDirectories(work.resolve("broken-store"));
        Path demo = tools.resolve("usr/share/kiosk/demo-store");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(file, broken.resolve(demo.relativize(file).toString()));
            }
        }
        Files.writeString(broken.resolve("catalog.csv"), Files.readString(broken.resolve("catalog.csv"))
                + "MSH-9999,Garden Hose,,Garden,12,nineteen,5\n");
        Path out = Files.createDirectories(work.resolve("refused"));
        Result refused = kioskctl(tools, "package-store", broken.toString(), "--store-id", "broken", "--version", "1",
                "--output", out.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("catalog.csv:272:"), refused.out());
        assertTrue(refused.out().contains("not packaged"), refused.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "no package is written");
        }
    }
}
