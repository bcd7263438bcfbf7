package kiosk.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import kiosk.app.KioskPaths;
import kiosk.app.commands.CommandContext;
import kiosk.app.store.Folders;
import kiosk.app.store.LoadResult;
import kiosk.app.store.StoreAsOf;
import kiosk.app.store.StoreLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kioskctl package-store}: a store's knowledge as a Debian package, {@code kiosk-store-ID_VERSION_all.deb},
 * for the chain's repository. The folder is checked with the kiosk's own loaders first; any problem refuses the
 * build. The package installs to {@code /var/lib/kiosk/stores/ID/} (data, not conffiles: an upgrade replaces it
 * without a question) and reloads a running kiosk. The build time goes into the store as its "as of" time.
 */
@Command(name = "package-store", description = "Build kiosk-store-ID_VERSION_all.deb from a checked store folder.")
final class CtlPackageStoreCommand implements Callable<Integer> {

    /** Debian package names: lower case letters, digits, '+', '-' and '.'; the prefix makes them kiosk-store-*. */
    private static final Pattern STORE_ID = Pattern.compile("[a-z0-9][a-z0-9+.-]*");
    /** Debian versions without an epoch: a digit first, then letters, digits and '.', '+', '~', '-'. */
    private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~-]*");
    private static final String INSTALLED = "/var/lib/kiosk/" + KioskPaths.STORES_FOLDER + "/";

    // its own --help: the inherited standard options would take --version, which here is the package's
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The store folder (store.yaml, catalog.csv, faq.yaml, "
            + "contexts/*.yaml).")
    private Path folder;

    @Option(names = "--store-id", required = true, paramLabel = "ID", description = "The store's short name "
            + "(lower case, digits, '-'): the package is kiosk-store-ID.")
    private String storeId;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The package version, e.g. "
            + "2026.12.03 (higher than the one installed, for apt to upgrade).")
    private String version;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Where to write the package "
            + "(default: the current folder).")
    private Path output;

    @Option(names = "--maintainer", paramLabel = "NAME <EMAIL>", defaultValue = "Kiosk team <kiosk@example.invalid>",
            description = "The package's Maintainer field (default: ${DEFAULT-VALUE}).")
    private String maintainer;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!STORE_ID.matcher(storeId).matches()) {
            System.err.println("kioskctl: --store-id '" + storeId + "' cannot be part of a package name: use lower "
                    + "case letters, digits and '-', starting with a letter or digit");
            return ExitCode.USAGE;
        }
        if (!VERSION.matcher(version).matches()) {
            System.err.println("kioskctl: --version '" + version + "' is not a Debian version: start with a digit, "
                    + "then letters, digits, '.', '+', '~' or '-'");
            return ExitCode.USAGE;
        }
        List<String> problems = new ArrayList<>();
        LoadResult knowledge = StoreLoader.load(folder);
        knowledge.problems().forEach(problem -> problems.add(problem.toString()));
        CommandContext.loadFolder(folder.resolve("contexts"), problems::add);
        if (!problems.isEmpty() || knowledge.knowledge().isEmpty()) {
            problems.forEach(System.err::println);
            System.err.println("kioskctl: not packaged: " + folder + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " (kioskctl check --store " + folder
                    + " lists them too)");
            return ExitCode.PROBLEMS;
        }
        String storeName = knowledge.knowledge().get().name();
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String name = "kiosk-store-" + storeId;
        Path deb = output.resolve(name + "_" + version + "_all.deb");
        Path tree = Files.createTempDirectory("kiosk-store-");
        try {
            Path store = Files.createDirectories(tree.resolve(INSTALLED.substring(1) + storeId));
            copyStore(folder, store);
            StoreAsOf.write(store, asOf);
            Path doc = Files.createDirectories(tree.resolve("usr/share/doc/" + name));
            Files.writeString(doc.resolve("copyright"), copyright(storeName, asOf));
            writeChangelog(doc.resolve("changelog.Debian.gz"), name, storeName, asOf);
            Path control = Files.createDirectories(tree.resolve("DEBIAN"));
            Files.writeString(control.resolve("control"), control(name, storeName, size(tree)));
            writeScript(control.resolve("postinst"), maintainerScript("configure"));
            writeScript(control.resolve("postrm"), maintainerScript("remove"));
            openFolders(tree);
            Files.createDirectories(output);
            Process build = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-Zxz", "--build", tree.toString(),
                    deb.toString()).redirectErrorStream(true).start();
            String said = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (build.waitFor() != 0) {
                System.err.println("kioskctl: dpkg-deb could not build " + deb + ": " + said);
                return ExitCode.PROBLEMS;
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("dpkg-deb")) {
                System.err.println("kioskctl: dpkg-deb is needed to build packages (apt install dpkg): "
                        + e.getMessage());
                return ExitCode.PROBLEMS;
            }
            throw e;
        } finally {
            Folders.deleteTree(tree);
        }
        System.out.println("kioskctl: built " + deb + " ('" + storeName + "', " + knowledge.knowledge().get()
                .products().size() + " products, as of " + asOf + "); it installs to " + INSTALLED + storeId + "/");
        return ExitCode.OK;
    }

    /** The store's own files (no hidden ones, no earlier as-of), with the permissions of packaged data. */
    private static void copyStore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (hidden || relative.toString().equals(StoreAsOf.FILE)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    /** dpkg-deb wants 0755 folders (a temporary folder is 0700). */
    private static void openFolders(Path tree) throws IOException {
        try (Stream<Path> folders = Files.walk(tree)) {
            for (Path dir : folders.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private String control(String name, String storeName, long bytes) {
        return "Package: " + name + "\n"
                + "Version: " + version + "\n"
                + "Section: misc\n"
                + "Priority: optional\n"
                + "Architecture: all\n"
                + "Depends: kiosk (>= 0.2.0)\n"
                + "Installed-Size: " + Math.max(1, bytes / 1024) + "\n"
                + "Maintainer: " + maintainer + "\n"
                + "Description: store knowledge of " + storeName.replace('\n', ' ') + " for the voice kiosk\n"
                + " The catalog, FAQ and command contexts the offline voice kiosk answers from,\n"
                + " installed to " + INSTALLED + storeId + "/. Installing or upgrading it\n"
                + " reloads a running kiosk.\n";
    }

    /**
     * Reloads a running kiosk after the store changed (not in a dpkg --root image, not when no kiosk runs). A refused
     * reload is said, and does not fail the package: the kiosk keeps serving its last good knowledge.
     */
    private String maintainerScript(String action) {
        return "#!/bin/sh\n"
                + "set -e\n"
                + "if [ \"$1\" = \"" + action + "\" ] && [ -z \"${DPKG_ROOT:-}\" ] \\\n"
                + "        && [ -d /run/systemd/system ]; then\n"
                + "    # a running kiosk only (try-); the unit's reload is kioskctl reload, failing when refused\n"
                + "    deb-systemd-invoke try-reload-or-restart kiosk.service || echo \"kiosk-store-" + storeId
                + ": the kiosk refused the reload; it keeps serving its last good store (journalctl -u kiosk)\" >&2\n"
                + "fi\n"
                + "exit 0\n";
    }

    private static String copyright(String storeName, Instant asOf) {
        return "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                + "Comment: the store knowledge of " + storeName + ", packaged " + asOf + "\n\n"
                + "Files: *\n"
                + "Copyright: " + asOf.atZone(ZoneOffset.UTC).getYear() + " the store's owner\n"
                + "License: Proprietary\n"
                + " Store knowledge for the chain's own kiosks; not for redistribution.\n";
    }

    private void writeChangelog(Path file, String name, String storeName, Instant asOf) throws IOException {
        String text = name + " (" + version + ") stable; urgency=medium\n\n"
                + "  * Store knowledge of " + storeName + " as of " + asOf + ".\n\n"
                + " -- " + maintainer + "  " + DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
                Locale.ENGLISH).format(asOf.atZone(ZoneOffset.UTC)) + "\n";
        // gzip -9, as Debian wants its changelogs
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
