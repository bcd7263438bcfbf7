package kiosk.app.dialogue;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kiosk.app.store.FaqEntry;
import kiosk.app.store.OpeningHours;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.speech.TextNormalizer;

/**
 * Finds the facts in an answer that the store's knowledge does not contain: an aisle no product or department is
 * in, a price no product has, a time the store neither opens nor closes at, a stock count no product has, or any
 * other number the knowledge never mentions. The kiosk runs it on every answer before speaking it; the benchmark
 * counts what it finds.
 *
 * <p>It checks the text that is spoken too: the answer goes through the speaker's normalizer (the one the
 * synthesizer uses), and the facts of those words must be the facts of the written answer ({@link SpokenFacts}), so
 * "1-1/2 inch" may not leave the speaker as "one half inch".
 *
 * <p>A {@link Finding}'s description never quotes the answer (which may quote the shopper): it names the kind of fact,
 * and its value only when that value is the store's own.
 */
public final class GroundingCheck {

    /** What is wrong with one fact of an answer. */
    public enum Problem {
        /** The written answer states a fact the store knowledge does not contain. */
        NOT_IN_KNOWLEDGE,
        /** The written fact is missing from the words the speaker would say. */
        NOT_SPOKEN,
        /** The speaker would say a fact the written answer does not hold. */
        SPOKEN_BUT_NOT_WRITTEN
    }

    /**
     * One finding. {@code quoted} is the fact as the answer has it (answer text: for tests and benchmarks, never for
     * a log); {@link #toString()} is safe to log.
     */
    public record Finding(Problem problem, String kind, Optional<String> storeValue, String quoted) {
        @Override
        public String toString() {
            String value = storeValue.map(v -> " (" + v + ", from the store knowledge)").orElse("");
            return switch (problem) {
                case NOT_IN_KNOWLEDGE -> "a " + kind + " the store knowledge lacks";
                case NOT_SPOKEN -> "a " + kind + value + " the speaker would say differently";
                case SPOKEN_BUT_NOT_WRITTEN -> "a " + kind + value + " the speaker would say but the answer lacks";
            };
        }
    }

    private static final String AISLE = "(?:[0-9]+[A-Za-z]?|[A-Z])\\b";
    private static final Pattern AISLES = Pattern.compile("\\baisles? (" + AISLE + "(?:(?:, | and | or )" + AISLE + ")*)");
    private static final Pattern PRICE = Pattern.compile("\\$([0-9]+(?:\\.[0-9]{2})?)");
    private static final Pattern TIME = Pattern.compile("\\b([0-9]{1,2})(?::([0-9]{2}))? ([ap])\\.m\\.");
    private static final Pattern COUNT = Pattern.compile("\\bwe have ([0-9]+)\\b");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private final Set<String> aisles = new HashSet<>();
    private final Set<BigDecimal> prices = new HashSet<>();
    private final Set<LocalTime> times = new HashSet<>();
    private final Set<String> stocks = new HashSet<>(); // as text: an answer's count may be any length
    private final Set<String> numbers = new HashSet<>();
    private final UnaryOperator<String> speaker;

    /** A check of the answers as written and as {@link TextNormalizer} (the FreeTTS synthesizer's) speaks them. */
    public GroundingCheck(StoreKnowledge knowledge) {
        this(knowledge, new TextNormalizer()::normalize);
    }

    /** A check of the answers as written and as {@code speaker} turns them into the words the synthesizer says. */
    public GroundingCheck(StoreKnowledge knowledge, UnaryOperator<String> speaker) {
        this.speaker = speaker;
        for (Product product : knowledge.products()) {
            product.aisle().ifPresent(aisles::add);
            prices.add(product.price().stripTrailingZeros());
            stocks.add(Integer.toString(product.stock()));
            addNumbers(product.name());
            product.aliases().forEach(this::addNumbers);
            product.aisle().ifPresent(this::addNumbers);
            addNumbers(product.price().toPlainString());
            numbers.add(Integer.toString(product.stock()));
        }
        knowledge.departments().values().forEach(list -> list.forEach(aisle -> {
            aisles.add(aisle);
            addNumbers(aisle);
        }));
        for (OpeningHours hours : knowledge.hours().values()) {
            times.add(hours.opens());
            times.add(hours.closes());
        }
        // holiday hours are the store's facts too ("On Thursday, December 24 we're open from 9 a.m. to 2 p.m.")
        knowledge.holidays().forEach((date, hours) -> {
            hours.ifPresent(open -> {
                times.add(open.opens());
                times.add(open.closes());
            });
            numbers.add(Integer.toString(date.getDayOfMonth()));
        });
        for (FaqEntry faq : knowledge.faqs()) {
            addNumbers(faq.answer());
            // the store wrote these prices and times itself ("We deliver within 5 miles for orders over $50."); not
            // counted as its facts, every such answer went to a team member instead
            Matcher price = PRICE.matcher(faq.answer());
            while (price.find()) {
                prices.add(new BigDecimal(price.group(1)).stripTrailingZeros());
            }
            Matcher time = TIME.matcher(faq.answer());
            while (time.find()) {
                clock(time).ifPresent(times::add);
            }
            Matcher aisle = AISLES.matcher(faq.answer());
            while (aisle.find()) {
                aisles.addAll(List.of(aisle.group(1).split(", | and | or ")));
            }
        }
        addNumbers(knowledge.name());
        addNumbers(knowledge.greeting());
        addNumbers(knowledge.address());
        addNumbers(knowledge.phone());
    }

    /** The time a {@link #TIME} match says ("9:30 p.m." → 21:30); empty for one no clock shows ("13 p.m."). */
    private static Optional<LocalTime> clock(Matcher time) {
        int hour = Integer.parseInt(time.group(1));
        int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
        if (hour < 1 || hour > 12 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour % 12 + (time.group(3).equals("p") ? 12 : 0), minute));
    }

    /**
     * Every fact of the answer that the knowledge lacks or the speaker would change, as the answer writes it;
     * empty when the answer is grounded. The strings quote the answer: for tests and benchmarks, never for a log.
     */
    public List<String> ungrounded(String answer) {
        return findings(answer).stream().map(Finding::quoted).toList();
    }

    /** Every fact of the answer that the knowledge lacks or the speaker would change; empty when all is well. */
    public List<Finding> findings(String answer) {
        List<Finding> findings = writtenFindings(answer);
        findings.addAll(spokenFindings(answer));
        return findings;
    }

    private List<Finding> writtenFindings(String answer) {
        List<Finding> invented = new ArrayList<>();
        String rest = answer;
        Matcher aisle = AISLES.matcher(answer);
        while (aisle.find()) {
            for (String number : aisle.group(1).split(", | and | or ")) {
                if (!aisles.contains(number)) {
                    invented.add(invented("aisle", "aisle " + number));
                }
            }
        }
        rest = AISLES.matcher(rest).replaceAll(" ");
        Matcher price = PRICE.matcher(rest);
        while (price.find()) {
            if (!prices.contains(new BigDecimal(price.group(1)).stripTrailingZeros())) {
                invented.add(invented("price", "$" + price.group(1)));
            }
        }
        rest = PRICE.matcher(rest).replaceAll(" ");
        Matcher time = TIME.matcher(rest);
        while (time.find()) {
            if (clock(time).filter(times::contains).isEmpty()) {
                invented.add(invented("time", time.group()));
            }
        }
        rest = TIME.matcher(rest).replaceAll(" ");
        Matcher count = COUNT.matcher(rest);
        while (count.find()) {
            if (!stocks.contains(count.group(1).replaceFirst("^0+(?=[0-9])", ""))) {
                invented.add(invented("stock count", "stock " + count.group(1)));
            }
        }
        rest = COUNT.matcher(rest).replaceAll(" ");
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            if (!numbers.contains(number.group())) {
                invented.add(invented("number", number.group()));
            }
        }
        return invented;
    }

    /** The facts of the spoken words against the facts of the written answer, each extra or missing one a finding. */
    private List<Finding> spokenFindings(String answer) {
        List<SpokenFacts.Fact> written = SpokenFacts.written(answer);
        List<SpokenFacts.Fact> spoken = SpokenFacts.spoken(speaker.apply(answer));
        List<SpokenFacts.Fact> unsaid = new ArrayList<>(written);
        List<SpokenFacts.Fact> unwritten = new ArrayList<>();
        for (SpokenFacts.Fact fact : spoken) {
            if (!unsaid.remove(fact)) {
                unwritten.add(fact);
            }
        }
        List<Finding> findings = new ArrayList<>();
        unsaid.forEach(fact -> findings.add(spokenFinding(Problem.NOT_SPOKEN, fact)));
        unwritten.forEach(fact -> findings.add(spokenFinding(Problem.SPOKEN_BUT_NOT_WRITTEN, fact)));
        return findings;
    }

    private static Finding invented(String kind, String quoted) {
        return new Finding(Problem.NOT_IN_KNOWLEDGE, kind, Optional.empty(), quoted);
    }

    private Finding spokenFinding(Problem problem, SpokenFacts.Fact fact) {
        boolean storeOwn = switch (fact.kind()) {
            case PRICE -> prices.contains(new BigDecimal(fact.value()).stripTrailingZeros());
            case TIME -> times.contains(LocalTime.parse(fact.value()));
            case NUMBER, DIGITS -> numbers.contains(fact.value());
        };
        String quoted = (problem == Problem.NOT_SPOKEN ? "unspoken " : "spoken ") + fact.kind().description() + " "
                + fact.value();
        Optional<String> storeValue = storeOwn ? Optional.of(fact.value()) : Optional.empty();
        return new Finding(problem, fact.kind().description(), storeValue, quoted);
    }

    private void addNumbers(String text) {
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            numbers.add(number.group());
        }
    }
}
