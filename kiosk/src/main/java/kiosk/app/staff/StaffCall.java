package kiosk.app.staff;

import java.time.Instant;

/**
 * A call for a team member: when, why, and what the session was about ("Asked for a 3/4-inch PVC elbow (not in
 * catalog), then for a person. Frustration: 2 turns not caught."), already redacted.
 */
public record StaffCall(Instant time, String session, Cause cause, String summary) {
}
