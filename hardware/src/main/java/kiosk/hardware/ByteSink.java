package kiosk.hardware;

/** Where a display driver's bytes go: an I2C device on the kiosk, a recording list in a test. */
@FunctionalInterface
public interface ByteSink {

    /** Writes the bytes as one transfer; throws {@link HardwareException} when the device does not answer. */
    void write(byte[] bytes);
}
