package kiosk.app.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import kiosk.app.journal.Journal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff calls to a real HTTP server on 127.0.0.1: failures are retried with backoff on the desk's thread, shown as
 * failures meanwhile, and a call still pending when the kiosk stops is delivered by the next run, once.
 */
class WebhookDeliveryTest {

    private static final StaffDesk.Backoff FAST = new StaffDesk.Backoff(Duration.ofMillis(50), Duration.ofMillis(200),
            60);

    @TempDir
    Path state;

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;

    private URI startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/staff", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/staff");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private StaffDesk desk(Journal journal, URI uri) {
        return new StaffDesk(journal, List.of(new WebhookChannel(uri)), "kiosk-7", "garden entrance", FAST,
                Clock.systemUTC());
    }

    private static StaffCall call() {
        return new StaffCall(Instant.parse("2026-12-01T10:15:00Z"), "s1", Cause.ASKED_FOR_PERSON,
                "Asked for a 3/4-inch PVC elbow (not in catalog), then for a person. Frustration: 2 turns not caught.");
    }

    @Test
    void retriesUntilTheServerTakesTheCall() throws Exception {
        URI uri = startServer(0);
        failuresLeft.set(2);
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.systemUTC());
             StaffDesk desk = desk(journal, uri)) {
            desk.start();
            long started = System.nanoTime();
            desk.call(call());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 500, "call() must not wait for the network");
            assertTrue(desk.awaitDelivered(Duration.ofSeconds(10)), "delivered after two failures");
            assertEquals(List.of(), desk.failures());
        }
        assertEquals(1, bodies.size());
        JsonNode json = new ObjectMapper().readTree(bodies.get(0));
        assertEquals("kiosk-7", json.get("kiosk_id").asText());
        assertEquals("garden entrance", json.get("location").asText());
        assertEquals("2026-12-01T10:15:00Z", json.get("time").asText());
        assertEquals("asked_for_person", json.get("cause").asText());
        assertEquals(call().summary(), json.get("summary").asText());
    }

    @Test
    void aCallPendingAtStopIsDeliveredByTheNextRunOnce() throws Exception {
        URI uri = startServer(0);
        int port = server.getAddress().getPort();
        failuresLeft.set(Integer.MAX_VALUE);
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.systemUTC());
             StaffDesk desk = desk(journal, uri)) {
            desk.start();
            desk.call(call());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (desk.failures().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> failures = desk.failures();
            assertEquals(1, failures.size(), "the failing delivery is shown");
            assertTrue(failures.get(0).startsWith("webhook: staff call 1 (asked_for_person"), failures.get(0));
            assertTrue(failures.get(0).contains("HTTP 503"), failures.get(0));
            assertFalse(desk.awaitDelivered(Duration.ofMillis(300)));
        }
        // the kiosk restarts; the store's server is back
        server.stop(0);
        failuresLeft.set(0);
        startServer(port);
        try (Journal journal = Journal.open(state, Optional.empty(), Clock.systemUTC());
             StaffDesk desk = desk(journal, uri)) {
            assertEquals(1, journal.pendingDeliveries().size(), "kept in the journal across the restart");
            desk.start();
            assertTrue(desk.awaitDelivered(Duration.ofSeconds(10)));
            Thread.sleep(300); // a second delivery would arrive within the backoff
        }
        assertEquals(1, bodies.size(), "delivered exactly once: " + bodies);
        assertTrue(bodies.get(0).contains("\"cause\":\"asked_for_person\""), bodies.get(0));
    }
}
