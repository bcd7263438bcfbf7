package kiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.journal.Journal;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff calls published to a real MQTT broker (Debian's mosquitto, started on 127.0.0.1 and a free port). */
class MqttDeliveryTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path folder;

    private Process broker;
    private URI uri;

    @BeforeEach
    void startBroker() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO),
                "skipped: mosquitto is not installed (apt-get install -y mosquitto)");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !broker.isAlive()) {
                    throw new IllegalStateException("mosquitto did not start: "
                            + Files.readString(folder.resolve("mosquitto.log")));
                }
                Thread.sleep(50);
            }
        }
        uri = URI.create("tcp://127.0.0.1:" + port);
    }

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void publishesTheCallToTheTopic() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient listener = new MqttClient(uri.toString(), "test-listener", new MemoryPersistence());
        listener.connect();
        listener.subscribe("store/42/staff", 1, (topic, message) -> received.add(
                new String(message.getPayload(), StandardCharsets.UTF_8)));
        try (Journal journal = Journal.open(folder.resolve("state"), Optional.empty(), Clock.systemUTC());
             StaffDesk desk = new StaffDesk(journal, List.of(new MqttChannel(uri, "store/42/staff", "kiosk-3")),
                     "kiosk-3", "aisle 9", StaffDesk.Backoff.defaults(), Clock.systemUTC())) {
            desk.start();
            desk.call(new StaffCall(Instant.parse("2026-12-01T09:00:00Z"), "s9", Cause.NOT_CAUGHT,
                    "Frustration: 2 turns not caught."));
            String message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "nothing arrived on the topic");
            JsonNode json = new ObjectMapper().readTree(message);
            assertEquals("kiosk-3", json.get("kiosk_id").asText());
            assertEquals("not_caught", json.get("cause").asText());
            assertEquals("Frustration: 2 turns not caught.", json.get("summary").asText());
            assertTrue(desk.awaitDelivered(Duration.ofSeconds(5)));
        } finally {
            listener.disconnect();
            listener.close();
        }
    }
}
