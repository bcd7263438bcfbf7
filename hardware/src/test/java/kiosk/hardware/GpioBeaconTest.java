package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.Test;

/** The staff beacon drives its pin on Pi4J's mock platform. */
class GpioBeaconTest {

    @Test
    void switchesItsPinAndLeavesItLowWhenClosed() {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance()).build();
        try (GpioBeacon beacon = GpioBeacon.on(pi4j, 24)) {
            DigitalOutput pin = pi4j.registry().get("staff-beacon");
            assertEquals(DigitalState.LOW, pin.state());
            beacon.set(true);
            assertEquals(DigitalState.HIGH, pin.state());
            assertEquals(24, pin.address().intValue());
            beacon.set(false);
            assertEquals(DigitalState.LOW, pin.state());
        } finally {
            pi4j.shutdown();
        }
    }
}
