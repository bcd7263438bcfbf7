package kiosk.app.config;

import java.util.List;
import java.util.Optional;

/**
 * One key of {@code kiosk.conf}: its section, name, kind of value, default and the sentence that documents it.
 * Reading a value either gives the typed value or the reason a technician needs to fix it.
 */
record ConfigKey(String section, String name, Kind kind, Object defaultValue) {

    /** The kinds of value the file holds; each says what it expects, in the words of the error message. */
    sealed interface Kind permits Text, WholeNumber, YesNo, Choice, PinOrNone, UrlOrNone {

        /** The value, or empty with {@code why} told what is expected. */
        Optional<Object> read(String raw, StringBuilder why);
    }

    record Text() implements Kind {
        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            if (raw.isBlank()) {
                why.append("must not be empty");
                return Optional.empty();
            }
            return Optional.of(raw);
        }
    }

    record WholeNumber(int min, int max, boolean hex) implements Kind {
        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            Optional<Integer> value = parse(raw);
            if (value.isEmpty()) {
                why.append("must be a whole number from ").append(show(min)).append(" to ").append(show(max))
                        .append(", not '").append(raw).append('\'');
                return Optional.empty();
            }
            if (value.get() < min || value.get() > max) {
                why.append("is out of range: ").append(raw).append(" is not from ").append(show(min)).append(" to ")
                        .append(show(max));
                return Optional.empty();
            }
            return Optional.of(value.get());
        }

        private String show(int number) {
            return hex ? String.format("0x%02X", number) : Integer.toString(number);
        }

        static Optional<Integer> parse(String raw) {
            try {
                String text = raw.strip().replace("_", "");
                if (text.toLowerCase().startsWith("0x")) {
                    return Optional.of(Integer.parseInt(text.substring(2), 16));
                }
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    record YesNo() implements Kind {
        private static final List<String> YES = List.of("yes", "true", "on");
        private static final List<String> NO = List.of("no", "false", "off");

        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            String value = raw.strip().toLowerCase();
            if (YES.contains(value)) {
                return Optional.of(Boolean.TRUE);
            }
            if (NO.contains(value)) {
                return Optional.of(Boolean.FALSE);
            }
            why.append("must be yes or no, not '").append(raw).append('\'');
            return Optional.empty();
        }
    }

    record Choice(List<String> choices) implements Kind {
        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            String value = raw.strip();
            if (choices.contains(value)) {
                return Optional.of(value);
            }
            why.append("must be one of ").append(String.join(", ", choices)).append(", not '").append(raw)
                    .append('\'').append(kiosk.app.store.DidYouMean.hint(value, choices));
            return Optional.empty();
        }
    }

    /** A BCM GPIO number of the 40-pin header (0–27), or {@code none} for a part the kiosk does not have. */
    record PinOrNone() implements Kind {
        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            if (raw.strip().equalsIgnoreCase("none")) {
                return Optional.of(-1);
            }
            Optional<Integer> pin = WholeNumber.parse(raw);
            if (pin.isEmpty() || pin.get() < 0 || pin.get() > 27) {
                why.append("must be a BCM GPIO number from 0 to 27, or none, not '").append(raw).append('\'');
                return Optional.empty();
            }
            return pin.map(Integer.class::cast);
        }
    }

    /** An address on the store network with one of {@code schemes} and a host, or {@code none}. */
    record UrlOrNone(List<String> schemes) implements Kind {
        @Override
        public Optional<Object> read(String raw, StringBuilder why) {
            String value = raw.strip();
            if (value.equalsIgnoreCase("none")) {
                return Optional.of("none");
            }
            try {
                java.net.URI uri = new java.net.URI(value);
                if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase())
                        && uri.getHost() != null) {
                    return Optional.of(value);
                }
            } catch (java.net.URISyntaxException e) {
                // said below
            }
            why.append("must be none or an address like ").append(schemes.get(0)).append("://host:port/…, not '")
                    .append(raw).append('\'');
            return Optional.empty();
        }
    }

    String path() {
        return section + "." + name;
    }
}
