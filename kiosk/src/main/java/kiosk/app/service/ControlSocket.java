package kiosk.app.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.tinylog.Logger;

/**
 * The running kiosk's door for {@code kioskctl}: a Unix domain socket in the state folder (no network; the unit
 * allows only AF_UNIX). A client sends one line ({@code status}, {@code reload}) and reads one JSON line back.
 * File permissions decide who may ask: the kiosk user, members of its group, and root. Each connection is served on
 * a thread of its own, at most {@value #MAX_CONNECTIONS} at once, with a request line of at most
 * {@value #MAX_REQUEST_BYTES} bytes sent within {@link #READ_TIMEOUT}: no client can silence the socket.
 */
public final class ControlSocket implements AutoCloseable {

    public static final String FILE_NAME = "kiosk.sock";
    /** Connections served at once; more are told the kiosk is busy and closed at once. */
    public static final int MAX_CONNECTIONS = 64;
    /** The longest request line ({@code status}, {@code reload} are a few bytes). */
    public static final int MAX_REQUEST_BYTES = 1024;
    /** A client must send its request line within this; one that connects and says nothing is closed. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Path path;
    private final ServerSocketChannel server;
    private final Function<String, String> handler;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-control-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread acceptor;

    private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
        this.path = path;
        this.server = server;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "kiosk-control");
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

    /** Accepts only: each connection is served on a thread of its own, so a slow one delays no other. */
    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    Logger.warn("control socket {}: {}", path, e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuse(client);
                continue;
            }
            open.add(client);
            Thread connection = new Thread(() -> {
                try {
                    serve(client);
                } finally {
                    open.remove(client);
                    slots.release();
                }
            }, "kiosk-control-client");
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void refuse(SocketChannel client) {
        try (client) {
            client.write(StandardCharsets.UTF_8.encode("{\"ok\":false,\"message\":\"the kiosk is serving "
                    + MAX_CONNECTIONS + " control connections already; try again\"}\n"));
        } catch (IOException e) {
            // the client went away: nothing to tell it
        }
        Logger.warn("control socket {}: more than {} connections; one refused", path, MAX_CONNECTIONS);
    }

    private void serve(SocketChannel client) {
        // a client that never finishes its line is cut off: closing the channel ends the blocked read
        ScheduledFuture<?> deadline = deadlines.schedule(() -> close(client), READ_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        try (client) {
            Optional<String> request = readLine(client);
            deadline.cancel(false);
            String reply = request.isEmpty()
                    ? "{\"ok\":false,\"message\":\"the request is longer than " + MAX_REQUEST_BYTES + " bytes\"}"
                    : handler.apply(request.get().strip());
            client.write(StandardCharsets.UTF_8.encode(reply + "\n"));
        } catch (IOException e) {
            if (server.isOpen() && !deadline.isDone()) {
                Logger.warn("control socket {}: {}", path, e.getMessage());
            }
        } catch (RuntimeException e) {
            Logger.error(e, "control socket {}: the request failed", path);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The request line, or empty when it is longer than {@link #MAX_REQUEST_BYTES}; an empty line at the end. */
    private static Optional<String> readLine(SocketChannel client) throws IOException {
        ByteBuffer line = ByteBuffer.allocate(MAX_REQUEST_BYTES + 1);
        ByteBuffer one = ByteBuffer.allocate(1);
        while (line.hasRemaining()) {
            one.clear();
            if (client.read(one) < 0) {
                break;
            }
            byte next = one.get(0);
            if (next == '\n') {
                return Optional.of(new String(line.array(), 0, line.position(), StandardCharsets.UTF_8));
            }
            line.put(next);
        }
        return line.hasRemaining() ? Optional.of(new String(line.array(), 0, line.position(), StandardCharsets.UTF_8))
                : Optional.empty();
    }

    private static void close(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing is all that was wanted
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
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        // one timer for the whole exchange, connecting included: a kiosk too busy to accept cannot hang kioskctl
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                timedOut.set(true);
                channel.close();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "kioskctl-timeout");
        timer.setDaemon(true);
        timer.start();
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                if (timedOut.get()) {
                    throw new IOException("the kiosk did not accept a connection within " + timeout.toSeconds()
                            + " s on " + path, e);
                }
                throw new NotRunningException("the kiosk is not running (nothing answers on " + path + ": "
                        + e.getMessage() + ")");
            }
            PrintWriter out = new PrintWriter(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
            out.println(request);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            String reply;
            try {
                reply = in.readLine();
            } catch (IOException e) {
                throw new IOException("the kiosk did not answer '" + request + "' within " + timeout.toSeconds()
                        + " s on " + path, e);
            }
            if (reply == null) {
                throw new IOException("the kiosk closed " + path + " without answering '" + request + "'");
            }
            return reply;
        } finally {
            timer.interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            deadlines.shutdownNow();
            open.forEach(ControlSocket::close);
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
