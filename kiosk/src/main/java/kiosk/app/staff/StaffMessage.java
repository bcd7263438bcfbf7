package kiosk.app.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a staff call sends: which kiosk, where, when, why, and the session's summary (redacted before it gets here). */
public record StaffMessage(String kioskId, String location, Instant time, Cause cause, String summary) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"kiosk_id":…, "location":…, "time":"2026-…Z", "cause":"asked_for_person", "summary":…}} */
    public String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kiosk_id", kioskId);
        fields.put("location", location);
        fields.put("time", time.toString());
        fields.put("cause", cause.label());
        fields.put("summary", summary);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
