package kiosk.packaging;

import static kiosk.packaging.Packages.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kiosk.packaging.Packages.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arm64 package (Raspberry Pi OS bookworm 64-bit), built only when the build was given the official Vosk archive
 * ({@code -Dvosk.aarch64.zip=PATH}): only aarch64 natives inside, and its Java side run under qemu-user where binfmt
 * and an arm64 JVM ({@code -Dkiosk.arm64.java=JAVA_HOME}) are available.
 */
class Arm64PackageIT {

    @TempDir
    static Path work;

    static Path unpackedRoot;

    /** The arm64 package with the models, unpacked once; each test that needs it is skipped, saying why, without. */
    static synchronized Path unpacked() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Packages.ARM64), Packages.ARM64.getFileName() + " was not built "
                + "(the build needs -Dvosk.aarch64.zip=PATH/vosk-linux-aarch64-0.3.45.zip): skipping the arm64 checks");
        Assumptions.assumeTrue(Packages.installed("dpkg-deb"), "dpkg-deb is not installed; skipping the arm64 checks");
        if (unpackedRoot == null) {
            Path into = work.resolve("root");
            Packages.unpack(Packages.ARM64, into);
            Packages.unpack(Packages.MODELS, into);
            unpackedRoot = into;
        }
        return unpackedRoot;
    }

    @Test
    void onlyArm64NativesAreInside() throws Exception {
        Path root = unpacked();
        String fields = Files.readString(Packages.control(Packages.ARM64, work.resolve("control")).resolve("control"));
        assertTrue(fields.contains("Architecture: arm64\n"), fields);
        List<String> natives = Packages.natives(root);
        assertEquals(List.of(), natives.stream().filter(line -> !line.endsWith(": arm64")).toList(), natives
                .toString());
        assertTrue(natives.contains("usr/lib/kiosk/libvosk.so: arm64"), natives.toString());
    }

    @Test
    void theJavaSideAnswersUnderQemu() throws Exception {
        Path root = unpacked();
        Path binfmt = Path.of("/proc/sys/fs/binfmt_misc/qemu-aarch64");
        Assumptions.assumeTrue(Files.exists(binfmt), "no qemu-aarch64 binfmt handler (apt-get install "
                + "qemu-user-static, with binfmt_misc mounted): skipping the arm64 run");
        String javaHome = System.getProperty("kiosk.arm64.java", "");
        Assumptions.assumeTrue(!javaHome.isBlank() && Files.isExecutable(Path.of(javaHome, "bin/java")),
                "no arm64 JVM given (-Dkiosk.arm64.java=JAVA_HOME of an aarch64 JDK 17): skipping the arm64 run");
        Path state = Files.createDirectories(work.resolve("state"));
        Result answer = run(work, List.of(root.resolve("usr/bin/kiosk").toString(), "ask", "--json",
                "where are the double a batteries"), "KIOSK_ROOT", root.toString(), "KIOSK_STATE", state.toString(),
                "KIOSK_CONFIG", root.resolve("usr/share/kiosk/kiosk.conf").toString(),
                "PATH", javaHome + "/bin:" + System.getenv("PATH"));
        assertEquals(0, answer.code(), answer.out());
        assertTrue(answer.out().contains(
                "\"answer\":\"The AA Batteries 8 Pack is in aisle 4, in the Batteries department.\""), answer.out());
    }
}
