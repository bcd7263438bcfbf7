package kiosk.app.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One kiosk per state folder: {@code kiosk.lock} there is locked (an OS file lock, released when the process ends
 * however it ends) and holds the process id, so that a second {@code kiosk run} refuses to start and says which
 * process serves, instead of taking the control socket and the turn counts over.
 */
public final class StateLock implements AutoCloseable {

    public static final String FILE_NAME = "kiosk.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code stateFolder} for this process.
     *
     * @throws HeldException when another kiosk holds it
     */
    public static StateLock acquire(Path stateFolder) throws IOException {
        Files.createDirectories(stateFolder);
        Path file = stateFolder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new HeldException("another kiosk (" + holder + ") is running with the state folder " + stateFolder
                    + "; stop it first (systemctl stop kiosk, or /quit in its terminal)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(false);
        return new StateLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? "process " + pid : "a process that has not written its id yet";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The state folder is in use by another kiosk. */
    public static final class HeldException extends IOException {
        public HeldException(String message) {
            super(message);
        }
    }
}
