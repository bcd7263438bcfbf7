package kiosk.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;

/** Connects a display driver to a Pi4J I2C device; a failed write names the bus and address. */
public final class I2cByteSink implements ByteSink, AutoCloseable {

    private final Context pi4j;
    private final I2C device;

    public I2cByteSink(Context pi4j, String id, int bus, int address) {
        this.pi4j = pi4j;
        this.device = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).bus(bus).device(address).build());
    }

    @Override
    public void write(byte[] bytes) {
        try {
            device.write(bytes, 0, bytes.length);
        } catch (RuntimeException e) {
            throw new HardwareException(String.format("the I2C device %s at bus %d, address 0x%02X did not take %d "
                    + "bytes: %s", device.id(), device.bus(), device.device(), bytes.length, e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        if (!pi4j.isShutdown()) {
            pi4j.shutdown(device.id());
        }
    }
}
