package kiosk.app.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The kiosk's answers to {@code kioskctl}: one request line in, one JSON line out, on a connection's thread. */
final class ControlRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A reload reads every store file; longer than this and something is wrong with them (a FIFO, a hung mount). */
    static final long RELOAD_WAIT_SECONDS = 120;

    private ControlRequests() {
    }

    static String answer(String request, Supplier<Map<String, Object>> status,
                         Supplier<CompletableFuture<String>> reload) {
        Map<String, Object> reply = new LinkedHashMap<>();
        if (request.equals("status")) {
            reply.putAll(status.get());
        } else if (request.equals("reload")) {
            try {
                String message = reload.get().get(RELOAD_WAIT_SECONDS, TimeUnit.SECONDS);
                reply.put("ok", message.startsWith("reloaded")); // else kept what served, or still out of service
                reply.put("message", message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply.put("ok", false);
                reply.put("message", "interrupted while reloading");
            } catch (ExecutionException | TimeoutException e) {
                reply.put("ok", false);
                reply.put("message", "the reload did not finish within " + RELOAD_WAIT_SECONDS + " s; the last good "
                        + "knowledge keeps serving");
            }
        } else {
            reply.put("ok", false);
            reply.put("message", "unknown request '" + request.replaceAll("\\p{Cntrl}", "?")
                    + "'; the kiosk answers status and reload");
        }
        try {
            return JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            return "{\"ok\":false,\"message\":\"cannot write the reply\"}";
        }
    }
}
