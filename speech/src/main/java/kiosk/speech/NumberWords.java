package kiosk.speech;

/** English words for whole numbers, as a voice reads them: 21 → "twenty-one" with the hyphen as a space. */
final class NumberWords {

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};

    private NumberWords() {
    }

    static String cardinal(long n) {
        if (n < 0) {
            return "minus " + cardinal(-n);
        }
        if (n < 20) {
            return SMALL[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : " " + SMALL[(int) (n % 10)]);
        }
        if (n < 1000) {
            return SMALL[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " " + cardinal(n % 100));
        }
        if (n < 1_000_000) {
            return cardinal(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + cardinal(n % 1000));
        }
        if (n < 1_000_000_000) {
            return cardinal(n / 1_000_000) + " million" + (n % 1_000_000 == 0 ? "" : " " + cardinal(n % 1_000_000));
        }
        return cardinal(n / 1_000_000_000) + " billion"
                + (n % 1_000_000_000 == 0 ? "" : " " + cardinal(n % 1_000_000_000));
    }
}
