package kiosk.app.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.tinylog.Logger;

/**
 * The running kiosk's door for {@code kioskctl}: a Unix domain socket in the state folder (no network; the unit
 * allows only AF_UNIX). A client sends one line ({@code status}, {@code reload}) and reads one JSON line back.
 * File permissions decide who may ask: the kiosk user, members of its group, and root.
 */
public final class ControlSocket implements AutoCloseable {

    public static final String FILE_NAME = "kiosk.sock";

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> serve(handler), "kiosk-control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code path}, replacing a socket file a crashed kiosk left behind. */
    public static ControlSocket open(Path path, Function<String, String> handler) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        try {
            // connecting needs write permission: the kiosk user and its group (technicians added to it), no one else
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own rules apply
        }
        return new ControlSocket(path, server, handler);
    }

    private void serve(Function<String, String> handler) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8));
                String request = in.readLine();
                String reply = request == null ? "" : handler.apply(request.strip());
                PrintWriter out = new PrintWriter(Channels.newOutputStream(client), true, StandardCharsets.UTF_8);
                out.println(reply);
            } catch (IOException e) {
                if (server.isOpen()) {
                    Logger.warn("control socket {}: {}", path, e.getMessage());
                }
            } catch (RuntimeException e) {
                Logger.error(e, "control socket {}: the request failed", path);
            }
        }
    }

    /**
     * Sends one request to the kiosk listening on {@code path} and returns its reply line.
     *
     * @throws NotRunningException when no kiosk listens there
     */
    public static String request(Path path, String request, Duration timeout) throws IOException {
        if (!Files.exists(path)) {
            throw new NotRunningException("the kiosk is not running (no control socket at " + path + ")");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new NotRunningException("the kiosk is not running (nothing answers on " + path + ": "
                    + e.getMessage() + ")");
        }
        try (channel) {
            PrintWriter out = new PrintWriter(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
            out.println(request);
            // a reply takes as long as a reload: answer within the timeout or say the kiosk is stuck
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeout.toMillis());
                    channel.close();
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kioskctl-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            String reply;
            try {
                reply = in.readLine();
            } catch (IOException e) {
                throw new IOException("the kiosk did not answer '" + request + "' within " + timeout.toSeconds()
                        + " s on " + path, e);
            }
            watchdog.interrupt();
            if (reply == null) {
                throw new IOException("the kiosk closed " + path + " without answering '" + request + "'");
            }
            return reply;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Logger.warn("cannot remove the control socket {}: {}", path, e.getMessage());
        }
    }

    /** No kiosk answers: not an error of the caller's request, a state {@code kioskctl} reports with exit code 3. */
    public static final class NotRunningException extends IOException {
        public NotRunningException(String message) {
            super(message);
        }
    }
}
