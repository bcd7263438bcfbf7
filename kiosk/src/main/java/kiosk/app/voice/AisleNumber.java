package kiosk.app.voice;

import java.util.Map;

/** "twenty one" → "21": aisles heard as words are shown and confirmed as the digits on the aisle signs. */
final class AisleNumber {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    private AisleNumber() {
    }

    /** The digits for number words up to ninety-nine; anything else is returned as it was. */
    static String digits(String words) {
        int total = 0;
        for (String word : words.toLowerCase().split("[ -]+")) {
            if (UNITS.containsKey(word)) {
                total += UNITS.get(word);
            } else if (TENS.containsKey(word)) {
                total += TENS.get(word);
            } else if (word.matches("[0-9]+")) {
                total += Integer.parseInt(word);
            } else {
                return words;
            }
        }
        return Integer.toString(total);
    }
}
