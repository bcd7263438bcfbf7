package kiosk.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The packages the build made, and the few tools the packaging tests drive (dpkg-deb, dpkg, the launcher). */
final class Packages {

    static final Path TARGET = Path.of(System.getProperty("kiosk.packages", "target"));
    static final String VERSION = System.getProperty("kiosk.version", "0.2.0");
    static final String MODELS_VERSION = System.getProperty("kiosk.models.version", "0.2.0");
    static final Path REPO = Path.of(System.getProperty("kiosk.repo", ".."));
    static final Path SHARED = Path.of(System.getProperty("kiosk.shared", "../../shared"));
    static final Path AMD64 = TARGET.resolve("kiosk_" + VERSION + "_amd64.deb");
    static final Path ARM64 = Path.of(System.getProperty("kiosk.arm64.deb", "target/kiosk_" + VERSION
            + "_arm64.deb"));
    static final Path MODELS = TARGET.resolve("kiosk-models-en_" + MODELS_VERSION + "_all.deb");
    private static final Pattern BENCH_COMMAND = Pattern.compile("(.*/)?Bench\\w*Command(\\$.*)?\\.class");

    private Packages() {
    }

    record Result(int code, String out) {
    }

    /** Runs {@code command} in {@code directory}; {@code environment} is name, value, name, value… */
    static Result run(Path directory, List<String> command, String... environment) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(process.exitValue(), out);
    }

    static boolean installed(String tool) throws IOException, InterruptedException {
        return run(Path.of("."), List.of("sh", "-c", "command -v " + tool)).code() == 0;
    }

    /** Unpacks {@code deb}'s files into {@code root} (several packages may share one root). */
    static void unpack(Path deb, Path root) throws IOException, InterruptedException {
        Result result = run(Path.of("."), List.of("dpkg-deb", "-x", deb.toAbsolutePath().toString(),
                root.toString()));
        assertEquals(0, result.code(), result.out());
    }

    static Path control(Path deb, Path into) throws IOException, InterruptedException {
        Result result = run(Path.of("."), List.of("dpkg-deb", "-e", deb.toAbsolutePath().toString(),
                into.toString()));
        assertEquals(0, result.code(), result.out());
        return into;
    }

    /**
     * The entries of {@code jar} that belong to the benchmarks (benchmarks/, the kiosk-bench module): anything under
     * kiosk/app/bench/, and a {@code Bench…Command} class in any package, should one be written outside it.
     */
    static List<String> benchmarkEntries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(Packages::isBenchmark).toList();
        }
    }

    static boolean isBenchmark(String entry) {
        return entry.startsWith("kiosk/app/bench/") || BENCH_COMMAND.matcher(entry).matches();
    }

    /** The architecture an ELF file was built for, from its header's e_machine; empty for anything else. */
    static Optional<String> elfMachine(byte[] head) {
        if (head.length < 20 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return Optional.empty();
        }
        int machine = (head[18] & 0xff) | (head[19] & 0xff) << 8;
        return Optional.of(switch (machine) {
            case 0x3e -> "amd64";
            case 0xb7 -> "arm64";
            case 0x28 -> "armhf";
            case 0x03 -> "i386";
            default -> "elf-machine-" + machine;
        });
    }

    /**
     * Every native file in {@code root}, in its folders and inside its jars, as "path: kind" where kind is the ELF
     * architecture or the foreign format (Windows DLL/PDB, macOS dylib/dSYM, AIX archive).
     */
    static List<String> natives(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString();
                if (name.endsWith(".jar")) {
                    try (ZipFile jar = new ZipFile(file.toFile())) {
                        Enumeration<? extends ZipEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            ZipEntry entry = entries.nextElement();
                            if (!entry.isDirectory()) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    kind(name + "!" + entry.getName(), in.readNBytes(20)).ifPresent(found::add);
                                }
                            }
                        }
                    }
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        kind(name, in.readNBytes(20)).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private static Optional<String> kind(String name, byte[] head) {
        Optional<String> elf = elfMachine(head);
        if (elf.isPresent()) {
            return Optional.of(name + ": " + elf.get());
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String foreign : List.of(".dll", ".pdb", ".dylib", ".jnilib", ".dsym/", ".a")) {
            if (lower.endsWith(foreign) || lower.contains(foreign) && foreign.endsWith("/")) {
                return Optional.of(name + ": foreign" + foreign);
            }
        }
        return Optional.empty();
    }
}
