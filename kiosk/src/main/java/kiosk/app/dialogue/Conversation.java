package kiosk.app.dialogue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kiosk.app.store.OpeningHours;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.understanding.DayRequest;
import kiosk.app.understanding.Intent;
import kiosk.app.understanding.Interpretation;
import kiosk.app.understanding.ProductMatch;
import kiosk.app.understanding.QueryText;
import kiosk.app.understanding.Understanding;
import org.tinylog.Logger;

/**
 * One shopper's conversation. It remembers the product just discussed ("how much is it?"), the choices of a
 * clarifying question ("the second one"), and an offer to call staff ("yes please"). Every answer is built from the
 * store's facts only and checked by {@link GroundingCheck} before it leaves. Not thread-safe: one per shopper.
 */
public final class Conversation {

    /** Two products closer than this are a coin toss: ask instead of guessing. */
    static final double CLARIFY_MARGIN = 0.04;
    /** Both products carry exactly the shopper's words (a shared alias): only the shopper can say which is meant. */
    static final double SAME_WORDS = 0.95;

    static final String NOT_CAUGHT = "Sorry, I didn't catch that. Could you say it again?";
    static final String STAFF_CALLED = "I've asked a team member to come and help you. They'll be with you shortly.";

    private final StoreKnowledge knowledge;
    private final Understanding understanding;
    private final GroundingCheck grounding;
    private final Clock clock;
    private Optional<Product> focus = Optional.empty();
    private List<Product> choices = List.of();
    private Intent choiceIntent = Intent.PRODUCT_LOCATION;
    private boolean staffOffered;

    Conversation(StoreKnowledge knowledge, Understanding understanding, Clock clock) {
        this.knowledge = knowledge;
        this.understanding = understanding;
        this.grounding = new GroundingCheck(knowledge);
        this.clock = clock;
    }

    public Reply respond(String heard) {
        long start = System.nanoTime();
        Interpretation meaning = understanding.interpret(heard);
        Reply reply = answer(heard, meaning);
        List<String> invented = grounding.ungrounded(reply.answer());
        if (!invented.isEmpty()) {
            // A bug, never a store fact: say nothing we cannot stand behind, and get a person.
            Logger.error("answer \"{}\" contains facts the store knowledge lacks: {}; escalating instead",
                    reply.answer(), invented);
            reply = reply(heard, "call_staff", Map.of(), "Let me get a team member to help you with that.", 0, true,
                    Optional.empty());
        }
        double millis = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
        return reply.withTimings(Map.of("understand", millis));
    }

    private Reply answer(String heard, Interpretation meaning) {
        if (!choices.isEmpty()) {
            List<Product> offered = choices;
            choices = List.of();
            Optional<Product> picked = pick(meaning.normalized(), offered);
            if (picked.isPresent()) {
                Intent intent = meaning.intent().isProductQuestion() && meaning.products().isEmpty()
                        ? meaning.intent() : choiceIntent;
                return productAnswer(heard, intent, picked.get(), 0.9);
            }
        }
        if (staffOffered) {
            staffOffered = false;
            if (meaning.intent() == Intent.YES) {
                return reply(heard, "call_staff", Map.of(), STAFF_CALLED, 1, true, Optional.empty());
            }
            if (meaning.intent() == Intent.NO) {
                return reply(heard, "no", Map.of(), "Okay. Is there anything else I can help you find?", 1, false,
                        Optional.empty());
            }
        }
        return switch (meaning.intent()) {
            case NOT_UNDERSTOOD -> reply(heard, "not_understood", Map.of(), NOT_CAUGHT, 0, false, Optional.empty());
            case GREETING -> reply(heard, "greeting", Map.of(), knowledge.greeting(), 1, false, Optional.empty());
            case THANKS -> reply(heard, "thanks", Map.of(), "You're welcome! Is there anything else I can help you "
                    + "find?", 1, false, Optional.empty());
            case GOODBYE -> {
                focus = Optional.empty();
                yield reply(heard, "goodbye", Map.of(), "Thanks for visiting " + knowledge.name() + ". Goodbye!", 1,
                        false, Optional.empty());
            }
            case YES, NO -> reply(heard, meaning.intent().label(), Map.of(), "Okay. What can I help you find?", 0.5,
                    false, Optional.empty());
            case CALL_STAFF -> reply(heard, "call_staff", Map.of(), STAFF_CALLED, meaning.confidence(), true,
                    Optional.empty());
            case STORE_HOURS -> hours(heard, meaning.day().orElseThrow());
            case FAQ -> {
                var faq = meaning.faq().orElseThrow();
                yield reply(heard, "faq", Map.of("faq", faq.faq().id()), faq.faq().answer(), meaning.confidence(),
                        false, Optional.empty());
            }
            case DEPARTMENT_LOCATION -> department(heard, meaning.department().orElseThrow());
            case PRODUCT_LOCATION, PRODUCT_PRICE, PRODUCT_STOCK -> product(heard, meaning);
            case NOT_FOUND -> notFound(heard, meaning.subject(), meaning.confidence());
            case CLARIFY -> reply(heard, "not_understood", Map.of(), NOT_CAUGHT, 0, false, Optional.empty());
        };
    }

    private Reply product(String heard, Interpretation meaning) {
        if (meaning.products().isEmpty()) {
            if (focus.isPresent()) {
                return productAnswer(heard, meaning.intent(), focus.get(), meaning.confidence());
            }
            return reply(heard, "clarify", Map.of(), "Which product do you mean?", 0.3, false, Optional.empty());
        }
        ProductMatch best = meaning.products().get(0);
        Optional<ProductMatch> rival = meaning.products().stream().skip(1)
                .filter(other -> other.score() >= Understanding.PRODUCT_THRESHOLD)
                .filter(other -> best.score() - other.score() < CLARIFY_MARGIN
                        || best.lexical() >= SAME_WORDS && other.lexical() >= SAME_WORDS)
                .filter(other -> !sameAnswer(meaning.intent(), best.product(), other.product()))
                .findFirst();
        if (rival.isPresent()) {
            choices = List.of(best.product(), rival.get().product());
            choiceIntent = meaning.intent();
            String question = "Did you mean the " + best.product().name() + " or the " + rival.get().product().name()
                    + "?";
            return reply(heard, "clarify", Map.of("choices", best.product().sku() + "|" + rival.get().product().sku()),
                    question, best.score(), false, Optional.empty());
        }
        return productAnswer(heard, meaning.intent(), best.product(), best.score());
    }

    private Reply productAnswer(String heard, Intent intent, Product product, double confidence) {
        focus = Optional.of(product);
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("product", product.name());
        slots.put("sku", product.sku());
        product.aisle().ifPresent(aisle -> slots.put("aisle", aisle));
        String the = "The " + product.name();
        String place = product.aisle().map(Conversation::place).orElse("at the service desk");
        StringBuilder answer = new StringBuilder();
        switch (intent) {
            case PRODUCT_PRICE -> {
                answer.append(the).append(product.price().signum() == 0 ? " is free of charge."
                        : " is $" + product.price().toPlainString() + ".");
                if (!product.inStock()) {
                    answer.append(" It's out of stock at the moment.");
                }
            }
            case PRODUCT_STOCK -> {
                if (product.inStock()) {
                    answer.append("Yes, we have ").append(product.stock()).append(" of the ").append(product.name())
                            .append(" in stock, ").append(place).append('.');
                } else {
                    answer.append("Sorry, the ").append(product.name()).append(" is out of stock right now.");
                    alternative(product).ifPresent(alt -> answer.append(" The ").append(alt.name())
                            .append(" is in stock, ").append(alt.aisle().map(Conversation::place).orElse(""))
                            .append('.'));
                }
            }
            default -> {
                answer.append(the).append(" is ").append(place).append('.');
                if (!product.inStock()) {
                    answer.append(" It's out of stock right now.");
                    alternative(product).ifPresent(alt -> answer.append(" The ").append(alt.name())
                            .append(" is in stock, ").append(alt.aisle().map(Conversation::place).orElse(""))
                            .append('.'));
                }
            }
        }
        return reply(heard, intent.label(), slots, answer.toString().replace(", .", "."), confidence, false,
                product.aisle().filter(Conversation::isAisleNumber));
    }

    /** An in-stock product of the same department whose name shares a word with the one asked for. */
    private Optional<Product> alternative(Product missing) {
        List<String> words = QueryText.contentTokens(missing.name());
        return knowledge.products().stream()
                .filter(other -> other != missing && other.inStock() && other.aisle().isPresent())
                .filter(other -> other.department().equals(missing.department()))
                .filter(other -> QueryText.contentTokens(other.name()).stream().anyMatch(words::contains))
                .findFirst();
    }

    private Reply department(String heard, String name) {
        List<String> aisles = knowledge.departments().get(name);
        String where = aisles.size() == 1 ? place(aisles.get(0))
                : "in aisles " + String.join(", ", aisles.subList(0, aisles.size() - 1)) + " and "
                        + aisles.get(aisles.size() - 1);
        return reply(heard, "department_location", Map.of("department", name, "aisle", String.join("|", aisles)),
                name + " is " + where + ".", 0.9, false, Optional.of(aisles.get(0)).filter(Conversation::isAisleNumber));
    }

    private Reply notFound(String heard, String subject, double confidence) {
        staffOffered = true;
        return reply(heard, "not_found", Map.of("subject", subject), "I couldn't find " + subject
                + " in this store. Would you like me to call a team member?", confidence, false, Optional.empty());
    }

    private Reply hours(String heard, DayRequest request) {
        Map<String, String> slots = new LinkedHashMap<>();
        String answer;
        if (request.focus() == DayRequest.Focus.LATE && request.day().isEmpty()) {
            answer = latest();
        } else if (request.weekend()) {
            slots.put("day", "weekend");
            answer = sentence(capitalize(onDay(DayOfWeek.SATURDAY) + ", and " + onDay(DayOfWeek.SUNDAY)));
        } else if (request.day().isPresent()) {
            DayOfWeek day = request.day().get();
            slots.put("day", day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase());
            String label = request.label().equals("today") || request.label().equals("tomorrow")
                    ? request.label() + ", " + dayName(day) + "," : request.label();
            Optional<OpeningHours> open = knowledge.hoursOn(day);
            if (open.isEmpty()) {
                answer = "We're closed " + request.label() + ".";
            } else {
                OpeningHours hours = open.get();
                answer = sentence(switch (request.focus()) {
                    case OPENING -> capitalize(label) + " we open at " + SpokenTime.of(hours.opens());
                    case CLOSING, LATE -> capitalize(label) + " we close at " + SpokenTime.of(hours.closes());
                    case ANY -> capitalize(label) + " we're open from " + SpokenTime.of(hours.opens()) + " to "
                            + SpokenTime.of(hours.closes());
                });
            }
        } else {
            answer = weekly();
        }
        return reply(heard, "store_hours", slots, answer, 0.9, false, Optional.empty());
    }

    private String onDay(DayOfWeek day) {
        return knowledge.hoursOn(day)
                .map(h -> "on " + dayName(day) + " we're open " + SpokenTime.of(h.opens()) + " to "
                        + SpokenTime.of(h.closes()))
                .orElse("on " + dayName(day) + " we're closed");
    }

    private String latest() {
        var latest = knowledge.hours().values().stream().map(OpeningHours::closes).max(Comparable::compareTo);
        if (latest.isEmpty()) {
            return "I don't have this store's opening hours. A team member can tell you.";
        }
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            knowledge.hoursOn(day).filter(h -> h.closes().equals(latest.get())).ifPresent(h -> days.add(dayName(day)));
        }
        return sentence("We're open latest on " + joinAnd(days) + ", until " + SpokenTime.of(latest.get()));
    }

    /** "We're open Monday to Thursday 8 a.m. to 9 p.m., Friday …": consecutive days with equal hours grouped. */
    private String weekly() {
        if (knowledge.hours().isEmpty()) {
            return "I don't have this store's opening hours. A team member can tell you.";
        }
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            Optional<OpeningHours> hours = knowledge.hoursOn(days[i]);
            int j = i;
            while (j + 1 < days.length && knowledge.hoursOn(days[j + 1]).equals(hours)) {
                j++;
            }
            String span = i == j ? dayName(days[i]) : dayName(days[i]) + " to " + dayName(days[j]);
            parts.add(hours.map(h -> span + " " + SpokenTime.of(h.opens()) + " to " + SpokenTime.of(h.closes()))
                    .orElse("closed " + span));
            i = j + 1;
        }
        return sentence("We're open " + joinAnd(parts));
    }

    private static Optional<Product> pick(String text, List<Product> offered) {
        if (text.matches(".*\\b(first|former|number one|the one)\\b.*")) {
            return Optional.of(offered.get(0));
        }
        if (text.matches(".*\\b(second|latter|other|last|number two)\\b.*")) {
            return Optional.of(offered.get(offered.size() - 1));
        }
        List<String> said = QueryText.contentTokens(text);
        Product best = null;
        long bestShared = 0;
        for (Product product : offered) {
            long shared = QueryText.contentTokens(product.name()).stream().distinct().filter(said::contains).count();
            if (shared > bestShared) {
                best = product;
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean sameAnswer(Intent intent, Product a, Product b) {
        return switch (intent) {
            case PRODUCT_PRICE -> a.price().compareTo(b.price()) == 0;
            case PRODUCT_STOCK -> a.inStock() == b.inStock() && a.aisle().equals(b.aisle());
            default -> a.aisle().equals(b.aisle()) && a.inStock() == b.inStock();
        };
    }

    private static String place(String aisle) {
        return isAisleNumber(aisle) ? "in aisle " + aisle : "at the " + aisle;
    }

    /** "12", "12B", "C": an aisle sign; "Service Desk" is a place. */
    private static boolean isAisleNumber(String aisle) {
        return aisle.matches("[0-9]{1,3}[A-Za-z]?|[A-Za-z]");
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String joinAnd(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Ends the text with one full stop, also after "p.m.". */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private Reply reply(String heard, String intent, Map<String, String> slots, String answer, double confidence,
                        boolean escalate, Optional<String> aisle) {
        return new Reply(heard, intent, slots, answer, Math.round(confidence * 1000) / 1000.0, escalate, aisle,
                Map.of());
    }
}
