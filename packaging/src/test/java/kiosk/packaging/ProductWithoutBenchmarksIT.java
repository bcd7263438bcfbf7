package kiosk.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The kiosk jar the package is made from, and the libraries beside it, carry none of the benchmarks (they live in
 * benchmarks/, run from a checkout only). Needs no Debian tool: DebianPackageIT checks the installed copy as well.
 */
class ProductWithoutBenchmarksIT {

    static final Path APP = Packages.REPO.resolve("kiosk/target");

    @Test
    void theKioskJarHoldsNoBenchmarkClass() throws IOException {
        Path jar = APP.resolve("kiosk.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built before the package");
        assertEquals(List.of(), Packages.benchmarkEntries(jar), "benchmarks inside " + jar);
    }

    @Test
    void noBenchmarkJarIsAmongTheLibraries() throws IOException {
        try (Stream<Path> libs = Files.list(APP.resolve("lib"))) {
            for (Path lib : libs.filter(file -> file.toString().endsWith(".jar")).toList()) {
                assertFalse(lib.getFileName().toString().startsWith("kiosk-bench"), lib + " is the benchmarks' jar");
                assertEquals(List.of(), Packages.benchmarkEntries(lib), "benchmarks inside " + lib);
            }
        }
    }

    /** The check above would see the benchmarks where they are today, and not take the kiosk's own classes. */
    @Test
    void theCheckKnowsABenchmarkFromAProductClass() {
        for (String bench : List.of("kiosk/app/bench/cli/BenchSmokeCommand.class", "kiosk/app/bench/QuestionSet.class",
                "kiosk/app/bench/common-words.txt", "kiosk/app/cli/BenchCommand.class",
                "kiosk/app/cli/BenchSpokenCommand$Voice.class", "BenchLatencyCommand.class")) {
            assertTrue(Packages.isBenchmark(bench), bench);
        }
        for (String product : List.of("kiosk/app/cli/NoBenchmarks.class", "kiosk/app/cli/KioskCommand.class",
                "kiosk/app/voice/VoiceTurns.class", "kiosk/app/benchmarks.txt")) {
            assertFalse(Packages.isBenchmark(product), product);
        }
    }
}
