package kiosk.app.store;

import java.time.LocalTime;

/** Opening and closing time of one day; a day without hours is closed. */
public record OpeningHours(LocalTime opens, LocalTime closes) {
}
