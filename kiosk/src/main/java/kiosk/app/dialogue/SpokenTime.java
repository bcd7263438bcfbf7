package kiosk.app.dialogue;

import java.time.LocalTime;

/** Times as a shopper says them: "8 a.m.", "9:30 p.m.", "noon", "midnight". */
final class SpokenTime {

    private SpokenTime() {
    }

    static String of(LocalTime time) {
        if (time.equals(LocalTime.NOON)) {
            return "noon";
        }
        if (time.equals(LocalTime.MIDNIGHT) || time.equals(LocalTime.MAX)) {
            return "midnight";
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? " a.m." : " p.m.");
    }
}
