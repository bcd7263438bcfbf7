package kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedAndPresenceTest {

    static final long MS = 1_000_000;
    private final Context pi4j = Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void aSlowBlinkTogglesThePinEveryHalfSecond() {
        AtomicLong now = new AtomicLong();
        try (GpioLed led = new GpioLed(pi4j, "listening", 22, now::get)) {
            DigitalOutput pin = pi4j.registry().get("listening");
            assertEquals(DigitalState.LOW, pin.state());
            led.show(Light.BLINK_SLOW);
            List<DigitalState> seen = new ArrayList<>();
            for (long t = 0; t < 2000; t += 250) {
                now.set(t);
                led.tick();
                seen.add(pin.state());
            }
            assertEquals(List.of(DigitalState.HIGH, DigitalState.HIGH, DigitalState.LOW, DigitalState.LOW,
                    DigitalState.HIGH, DigitalState.HIGH, DigitalState.LOW, DigitalState.LOW), seen);
            led.show(Light.ON);
            assertEquals(DigitalState.HIGH, pin.state());
            led.show(Light.OFF);
            assertEquals(DigitalState.LOW, pin.state());
        }
    }

    @Test
    void presenceStartsAtMotionAndEndsAfterTheHoldTime() {
        AtomicLong now = new AtomicLong();
        List<Boolean> events = new ArrayList<>();
        try (PresenceSensor sensor = new PresenceSensor(pi4j, "pir", 4, Duration.ofSeconds(10), now::get,
                events::add)) {
            MockDigitalInput pin = pi4j.registry().get("pir");
            pin.mockState(DigitalState.LOW);
            now.set(1000 * MS);
            pin.mockState(DigitalState.HIGH);
            assertEquals(List.of(true), events);
            now.set(3000 * MS);
            pin.mockState(DigitalState.LOW);
            now.set(12_000 * MS);
            sensor.tick();
            assertEquals(List.of(true), events, "still within 10 s of the last motion");
            now.set(13_000 * MS);
            sensor.tick();
            assertEquals(List.of(true, false), events);
        }
    }
}
