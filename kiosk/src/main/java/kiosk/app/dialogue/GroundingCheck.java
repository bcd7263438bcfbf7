package kiosk.app.dialogue;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kiosk.app.store.FaqEntry;
import kiosk.app.store.OpeningHours;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;

/**
 * Finds the facts in an answer that the store's knowledge does not contain: an aisle no product or department is
 * in, a price no product has, a time the store neither opens nor closes at, a stock count no product has, or any
 * other number the knowledge never mentions. The kiosk runs it on every answer before speaking it; the benchmark
 * counts what it finds.
 */
public final class GroundingCheck {

    private static final String AISLE = "(?:[0-9]+[A-Za-z]?|[A-Z])\\b";
    private static final Pattern AISLES = Pattern.compile("\\baisles? (" + AISLE + "(?:(?:, | and | or )" + AISLE + ")*)");
    private static final Pattern PRICE = Pattern.compile("\\$([0-9]+(?:\\.[0-9]{2})?)");
    private static final Pattern TIME = Pattern.compile("\\b([0-9]{1,2})(?::([0-9]{2}))? ([ap])\\.m\\.");
    private static final Pattern COUNT = Pattern.compile("\\bwe have ([0-9]+)\\b");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private final Set<String> aisles = new HashSet<>();
    private final Set<BigDecimal> prices = new HashSet<>();
    private final Set<LocalTime> times = new HashSet<>();
    private final Set<Integer> stocks = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();

    public GroundingCheck(StoreKnowledge knowledge) {
        for (Product product : knowledge.products()) {
            product.aisle().ifPresent(aisles::add);
            prices.add(product.price().stripTrailingZeros());
            stocks.add(product.stock());
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
        for (FaqEntry faq : knowledge.faqs()) {
            addNumbers(faq.answer());
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

    /** Every fact in the answer that the knowledge lacks; empty when the answer is grounded. */
    public List<String> ungrounded(String answer) {
        List<String> invented = new ArrayList<>();
        String rest = answer;
        Matcher aisle = AISLES.matcher(answer);
        while (aisle.find()) {
            for (String number : aisle.group(1).split(", | and | or ")) {
                if (!aisles.contains(number)) {
                    invented.add("aisle " + number);
                }
            }
        }
        rest = AISLES.matcher(rest).replaceAll(" ");
        Matcher price = PRICE.matcher(rest);
        while (price.find()) {
            if (!prices.contains(new BigDecimal(price.group(1)).stripTrailingZeros())) {
                invented.add("$" + price.group(1));
            }
        }
        rest = PRICE.matcher(rest).replaceAll(" ");
        Matcher time = TIME.matcher(rest);
        while (time.find()) {
            int hour = Integer.parseInt(time.group(1)) % 12 + (time.group(3).equals("p") ? 12 : 0);
            int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
            if (hour > 23 || minute > 59 || !times.contains(LocalTime.of(hour, minute))) {
                invented.add(time.group());
            }
        }
        rest = TIME.matcher(rest).replaceAll(" ");
        Matcher count = COUNT.matcher(rest);
        while (count.find()) {
            if (!stocks.contains(Integer.parseInt(count.group(1)))) {
                invented.add("stock " + count.group(1));
            }
        }
        rest = COUNT.matcher(rest).replaceAll(" ");
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            if (!numbers.contains(number.group())) {
                invented.add(number.group());
            }
        }
        return invented;
    }

    private void addNumbers(String text) {
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            numbers.add(number.group());
        }
    }
}
