package kiosk.app.cli;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;

import kiosk.app.staff.NetworkSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kioskctl staff-network [--write]}: the systemd drop-in that lets the kiosk reach its staff call destinations
 * and nothing else (see {@link NetworkSandbox}); printed, or written where systemd reads it.
 */
@Command(name = "staff-network", description = "Print (or --write) the systemd drop-in opening the network sandbox "
        + "to the configured staff call destinations only.")
final class CtlStaffNetworkCommand implements Callable<Integer> {

    @Option(names = "--write", arity = "0..1", paramLabel = "FILE", fallbackValue = NetworkSandbox.DROP_IN,
            description = "Write it (default file: " + NetworkSandbox.DROP_IN + ").")
    private Optional<Path> write;

    @Override
    public Integer call() throws IOException {
        String dropIn;
        try {
            dropIn = NetworkSandbox.dropIn(Configuration.load().staff(), NetworkSandbox.Resolver.system());
        } catch (UnknownHostException e) {
            System.err.println("kioskctl: " + e.getMessage());
            return ExitCode.PROBLEMS;
        }
        if (write.isEmpty()) {
            System.out.print(dropIn);
            return ExitCode.OK;
        }
        Path file = write.get().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".staff-network", ".tmp");
        Files.writeString(temporary, dropIn);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("kioskctl: wrote " + file + "; now run: systemctl daemon-reload && systemctl restart kiosk");
        return ExitCode.OK;
    }
}
