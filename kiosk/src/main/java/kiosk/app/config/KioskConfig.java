package kiosk.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kiosk.app.KioskPaths;
import kiosk.app.config.ConfigKey.Choice;
import kiosk.app.config.ConfigKey.PinOrNone;
import kiosk.app.config.ConfigKey.Text;
import kiosk.app.config.ConfigKey.UrlOrNone;
import kiosk.app.config.ConfigKey.WholeNumber;
import kiosk.app.config.ConfigKey.YesNo;

/**
 * The kiosk's settings from {@code /etc/kiosk/kiosk.conf}: every key, its kind and its default live in
 * {@link #KEYS}, so the reader, {@code kioskctl check} and the shipped file cannot drift apart.
 */
public record KioskConfig(Path file, Store store, Audio audio, Panel panel, Models models, Timeouts timeouts,
                          Privacy privacy, Staff staff, Journal journal, Metrics metrics) {

    public static final String DEFAULT_FILE = "/etc/kiosk/kiosk.conf";

    /**
     * The store knowledge folder (a relative path is taken from the folder the configuration file is in), and the
     * share of a store file's rows that may be rejected before a reload or start refuses it.
     */
    public record Store(Path folder, int maxRejectedPercent) {
    }

    /**
     * Sound devices by (part of) their name; {@code default} is the system's default device. Replies are brought to
     * {@code replyLevelDbfs} (RMS, dBFS).
     */
    /**
     * The sound devices and reply level; {@code echoCancelled}: the microphone does not hear the kiosk's own voice
     * (an echo-cancelling microphone array, a handset), so the kiosk may listen while it speaks.
     */
    public record Audio(String microphone, String speaker, int replyLevelDbfs, boolean echoCancelled) {
        public Optional<String> microphoneName() {
            return microphone.equals("default") ? Optional.empty() : Optional.of(microphone);
        }

        public Optional<String> speakerName() {
            return speaker.equals("default") ? Optional.empty() : Optional.of(speaker);
        }
    }

    /** Pins are BCM GPIO numbers, -1 for a part the kiosk does not have. */
    public record Panel(String kind, int talkButton, int staffButton, int listeningLight, int staffLight,
                        int presenceSensor, int debounceMillis, int longPressMillis, String display, int i2cBus,
                        int displayAddress) {
    }

    /** The language of the speech models, and the generative model pack ({@code none}: template answers only). */
    public record Models(String language, String pack) {
        public Optional<String> packName() {
            return pack.equals("none") ? Optional.empty() : Optional.of(pack);
        }
    }

    public record Timeouts(Duration followUp, Duration maxUtterance) {
    }

    /** Whether what shoppers said may be written to the journal (off by default: it can hold personal data). */
    public record Privacy(boolean logTranscripts) {
    }

    /**
     * When the kiosk calls a team member by itself (after this many turns in a row not caught, or this many unsure
     * answers in a row, or a voice this loud in dBFS) and where the call goes: any of a webhook, an MQTT broker and
     * topic and a GPIO output (beacon, buzzer, relay; -1 none); the display shows every call as before.
     */
    public record Staff(int callAfterMisses, int callAfterUnsure, int loudDbfs, String kioskId, String location,
                        String webhook, String mqttBroker, String mqttTopic, int beaconPin) {
        public Optional<java.net.URI> webhookUri() {
            return webhook.equals("none") ? Optional.empty() : Optional.of(java.net.URI.create(webhook));
        }

        public Optional<java.net.URI> mqttUri() {
            return mqttBroker.equals("none") ? Optional.empty() : Optional.of(java.net.URI.create(mqttBroker));
        }
    }

    /** How many days the journal keeps turns (0: for ever). */
    public record Journal(int retentionDays) {
        public Optional<Duration> retention() {
            return retentionDays == 0 ? Optional.empty() : Optional.of(Duration.ofDays(retentionDays));
        }
    }

    /** The folder of node_exporter's textfile collector that {@code kiosk.prom} is written to ({@code none}: off). */
    public record Metrics(String textfileFolder) {
        public Optional<Path> folder() {
            return textfileFolder.equals("none") ? Optional.empty() : Optional.of(Path.of(textfileFolder));
        }
    }

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("store", "folder", new Text(), ""),
            new ConfigKey("store", "max_rejected_percent", new WholeNumber(0, 100, false), 5),
            new ConfigKey("audio", "microphone", new Text(), "default"),
            new ConfigKey("audio", "speaker", new Text(), "default"),
            new ConfigKey("audio", "reply_level_dbfs", new WholeNumber(-40, -8, false), -20),
            new ConfigKey("audio", "echo_cancelled", new YesNo(), false),
            new ConfigKey("panel", "kind", new Choice(List.of("auto", "console", "gpio")), "auto"),
            new ConfigKey("panel", "talk_button", new PinOrNone(), 17),
            new ConfigKey("panel", "staff_button", new PinOrNone(), 27),
            new ConfigKey("panel", "listening_light", new PinOrNone(), 22),
            new ConfigKey("panel", "staff_light", new PinOrNone(), 23),
            new ConfigKey("panel", "presence_sensor", new PinOrNone(), -1),
            new ConfigKey("panel", "debounce_ms", new WholeNumber(1, 200, false), 30),
            new ConfigKey("panel", "long_press_ms", new WholeNumber(300, 5000, false), 800),
            new ConfigKey("panel", "display", new Choice(List.of("lcd-16x2", "lcd-20x4", "oled-128x64", "none")),
                    "lcd-16x2"),
            new ConfigKey("panel", "i2c_bus", new WholeNumber(0, 20, false), 1),
            new ConfigKey("panel", "display_address", new WholeNumber(0x03, 0x77, true), 0x27),
            new ConfigKey("models", "language", new Choice(List.of("en-US")), "en-US"),
            new ConfigKey("models", "pack", new Text(), "none"),
            new ConfigKey("timeouts", "follow_up_seconds", new WholeNumber(3, 120, false), 20),
            new ConfigKey("timeouts", "max_utterance_seconds", new WholeNumber(3, 60, false), 15),
            new ConfigKey("privacy", "log_transcripts", new YesNo(), false),
            new ConfigKey("staff", "call_after_misses", new WholeNumber(1, 10, false), 2),
            new ConfigKey("staff", "call_after_unsure", new WholeNumber(1, 10, false), 3),
            new ConfigKey("staff", "loud_dbfs", new WholeNumber(-40, 0, false), -12),
            new ConfigKey("staff", "kiosk_id", new Text(), "kiosk-1"),
            new ConfigKey("staff", "location", new Text(), "entrance"),
            new ConfigKey("staff", "webhook", new UrlOrNone(List.of("http", "https")), "none"),
            new ConfigKey("staff", "mqtt_broker", new UrlOrNone(List.of("tcp", "ssl")), "none"),
            new ConfigKey("staff", "mqtt_topic", new Text(), "kiosk/staff"),
            new ConfigKey("staff", "beacon_pin", new PinOrNone(), -1),
            new ConfigKey("journal", "retention_days", new WholeNumber(0, 3650, false), 90),
            new ConfigKey("metrics", "textfile_folder", new Text(), "/var/lib/prometheus/node-exporter"));

    /** The settings a kiosk runs with when its configuration file does not exist. */
    public static KioskConfig defaults(Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        KEYS.forEach(key -> values.put(key.path(), key.defaultValue()));
        return of(file, values);
    }

    static KioskConfig of(Path file, Map<String, Object> values) {
        String named = (String) values.get("store.folder");
        // none named: the installed store package, else the demo store (looked up again at every reload)
        Path folder = named.isBlank() ? KioskPaths.unconfiguredStore() : Path.of(named);
        Path parent = file.toAbsolutePath().getParent();
        return new KioskConfig(file,
                new Store(folder.isAbsolute() || parent == null ? folder : parent.resolve(folder).normalize(),
                        number(values, "store.max_rejected_percent")),
                new Audio(text(values, "audio.microphone"), text(values, "audio.speaker"),
                        number(values, "audio.reply_level_dbfs"), (Boolean) values.get("audio.echo_cancelled")),
                new Panel(text(values, "panel.kind"), number(values, "panel.talk_button"),
                        number(values, "panel.staff_button"), number(values, "panel.listening_light"),
                        number(values, "panel.staff_light"), number(values, "panel.presence_sensor"),
                        number(values, "panel.debounce_ms"), number(values, "panel.long_press_ms"),
                        text(values, "panel.display"), number(values, "panel.i2c_bus"),
                        number(values, "panel.display_address")),
                new Models(text(values, "models.language"), text(values, "models.pack")),
                new Timeouts(Duration.ofSeconds(number(values, "timeouts.follow_up_seconds")),
                        Duration.ofSeconds(number(values, "timeouts.max_utterance_seconds"))),
                new Privacy((Boolean) values.get("privacy.log_transcripts")),
                new Staff(number(values, "staff.call_after_misses"), number(values, "staff.call_after_unsure"),
                        number(values, "staff.loud_dbfs"), text(values, "staff.kiosk_id"),
                        text(values, "staff.location"), text(values, "staff.webhook"),
                        text(values, "staff.mqtt_broker"), text(values, "staff.mqtt_topic"),
                        number(values, "staff.beacon_pin")),
                new Journal(number(values, "journal.retention_days")),
                new Metrics(text(values, "metrics.textfile_folder")));
    }

    private static String text(Map<String, Object> values, String key) {
        return (String) values.get(key);
    }

    private static int number(Map<String, Object> values, String key) {
        return (Integer) values.get(key);
    }
}
