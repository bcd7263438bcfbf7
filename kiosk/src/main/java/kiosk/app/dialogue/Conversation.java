package kiosk.app.dialogue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kiosk.app.store.FaqEntry;
import kiosk.app.store.OpeningHours;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.understanding.DayRequest;
import kiosk.app.understanding.FaqMatcher;
import kiosk.app.understanding.Intent;
import kiosk.app.understanding.Interpretation;
import kiosk.app.understanding.ProductMatch;
import kiosk.app.understanding.QueryText;
import kiosk.app.understanding.ShopperWords;
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

    /** At most this many products in one clarifying question. */
    static final int MAX_CHOICES = 3;

    /**
     * A question about another product than the one just discussed, named through it: "the string for it", "do you
     * have the daytime one" (after the night-time cold medicine), "what about for kids".
     */
    private static final Pattern BIGGER = Pattern.compile("\\b(longer|bigger|larger|taller|more storage"
            + "|more memory|higher capacity)\\b");
    private static final Pattern SMALLER = Pattern.compile("\\b(shorter|smaller|littler|tinier|more compact"
            + "|less storage)\\b");
    /** Sizes said plainly, which pick among products offered ("the long one" of two extension cords). */
    private static final Pattern BIG = Pattern.compile("\\b(long|big|large|tall|biggest|largest|longest)\\b");
    private static final Pattern SMALL = Pattern.compile("\\b(short|small|little|tiny|smallest|shortest)\\b");
    private static final Pattern CHEAPER = Pattern.compile("\\b(cheaper|less expensive|lower priced|more affordable"
            + "|costs less|cost less)\\b");
    private static final Pattern DEARER = Pattern.compile("\\b(pricier|more expensive|higher end|fancier)\\b");
    private static final Pattern FIRST_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** Units and letters of sizes: no word of what a product is ("inch" in "43 inch TV" and "14 inch Laptop"). */
    private static final Set<String> SIZE_WORDS = Set.of("inch", "ft", "foot", "feet", "gb", "tb", "mb", "mah",
            "w", "v", "k", "oz", "lb", "pack", "count", "ct", "in", "x", "va", "mm", "cm", "ml", "g", "kg", "l");
    /** Words of a name that say how much of it there is, not what it is ("Dumbbells 10 lb Pair", "Size 4"). */
    private static final Set<String> UNIT_WORDS = Set.of("size", "quart", "qt", "liter", "litre", "gallon", "gal",
            "pair", "piece", "set", "degree");
    private static final Pattern FOLLOWS_ON = Pattern.compile("^(and|also|plus|then|(and )?(what|how) about)\\b");
    /**
     * "the one for kids", "the one with a bell", "the big one": a product of the kind just discussed, picked out by
     * what the shopper adds. It refers back whatever product its added words also name ("the one for my bike" after
     * the bike pump is no question about the mountain bike).
     */
    private static final Pattern VARIANT = Pattern.compile("\\b(the|a|an) (\\w+ )?one (for|with|that|in|from)\\b"
            + "|^(and |what about |how about )?(the|a|an) \\w+ ones?$"
            // asked of it: "how much is the travel one", "what do the alto sax ones cost"
            + "|\\b(the|a|an) (\\w+ ){1,2}ones?\\b");
    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\bfor (it|that|them)\\b|\\b(the|a|an|any)( \\w+)? ones?$|^(and )?(what|how) about\\b");
    /**
     * Read with the product just discussed, a product holding some of the shopper's words and this near in meaning
     * is the one asked about (the cosine at which a named thing is taken for a product, see Understanding).
     */
    static final double RELATED_COSINE = 0.55;
    /** A product the question names this well is what it asks about, whatever was discussed before. */
    private static final double CLEARLY_NAMED = 0.9;

    static final String NOT_CAUGHT = "Sorry, I didn't catch that. Could you say it again?";
    static final String NOT_SOLD = "I couldn't find that in this store; I don't think we sell it. Would you like me "
            + "to call a team member?";
    static final String ONLY_STORE = "I can only help with this store's products and services. Would you like me "
            + "to call a team member?";
    static final String NOT_CONFIRMED = "Sorry, I misheard. Which product are you looking for? Or would you like me "
            + "to call a team member?";
    static final String STAFF_CALLED = "I've asked a team member to come and help you. They'll be with you shortly.";

    private final StoreKnowledge knowledge;
    private final Understanding understanding;
    private final GroundingCheck grounding;
    private final Clock clock;
    private Optional<Product> focus = Optional.empty();
    /** What was last asked of a product: "the long one" after "how much is the extension cord" asks the price. */
    private Intent focusIntent = Intent.PRODUCT_LOCATION;
    private List<Product> choices = List.of();
    private Intent choiceIntent = Intent.PRODUCT_LOCATION;
    private boolean staffOffered;
    /** The FAQ entry last asked back ("Do you mean: …?"): "yes" answers it, "no" offers a person. */
    private Optional<FaqEntry> faqAskedBack = Optional.empty();
    /** What the last turn asked of the store's hours, if it asked them: "and on saturday" asks the same. */
    private Optional<DayRequest.Focus> hoursAsked = Optional.empty();
    /** This turn's spoken readings as {@link #interpret} understood them: the one chosen is not understood twice. */
    private final Map<String, Interpretation> readings = new HashMap<>();

    Conversation(StoreKnowledge knowledge, Understanding understanding, GroundingCheck grounding, Clock clock) {
        this.knowledge = knowledge;
        this.understanding = understanding;
        this.grounding = grounding;
        this.clock = clock;
    }

    public Reply respond(String heard) {
        return respond(heard, false);
    }

    /**
     * As {@link #respond(String)}; with {@code confirmProduct} (speech heard a product only through the store's
     * grammar, without certainty) a product is named back as a question ("Did you say the Duct Tape?") before any
     * of its facts is said, and "yes" then answers the question asked.
     */
    public Reply respond(String heard, boolean confirmProduct) {
        return respond(heard, product -> !confirmProduct);
    }

    /**
     * What {@code heard} would be understood to ask, before the conversation's context, without answering it: a
     * spoken turn weighs its two decoders' readings with it.
     */
    public Interpretation interpret(String heard) {
        Interpretation meaning = understanding.interpret(heard);
        readings.put(heard, meaning);
        return meaning;
    }

    /**
     * As {@link #respond(String)}, for words already understood by {@link #interpret} (in any conversation of this
     * store: the understanding has no context), which are not understood again.
     */
    public Reply respond(String heard, Interpretation understood) {
        readings.put(heard, understood);
        return respond(heard);
    }

    /**
     * A spoken turn: as {@link #respond(String)}, but a product that the recognizer's evidence does not back
     * ({@code heardForSure} is false for it: only the store-biased grammar heard it) is named back as a question
     * before any of its facts is said.
     */
    public Reply respond(String heard, Predicate<Product> heardForSure) {
        long start = System.nanoTime();
        Interpretation weighed = readings.get(heard);
        readings.clear();
        Interpretation meaning = afterHours(heard,
                throughFocus(heard, weighed != null ? weighed : understanding.interpret(heard)));
        hoursAsked = meaning.intent() == Intent.STORE_HOURS ? meaning.day().map(DayRequest::focus) : Optional.empty();
        Reply reply = meaning.intent().isProductQuestion() && !meaning.products().isEmpty()
                && (!heardForSure.test(meaning.products().get(0).product())
                        || meaning.fit() == Interpretation.Fit.GUESS && choices.isEmpty())
                ? confirm(heard, meaning) : answer(heard, meaning);
        List<GroundingCheck.Finding> invented = grounding.findings(reply.answer());
        if (!invented.isEmpty()) {
            // A bug, never a store fact: say nothing we cannot stand behind, and get a person. The log names the kind
            // of fact only: the answer may hold the shopper's words (issue 14).
            Logger.error("an answer ({}) held {}; escalating instead", reply.intent(), invented);
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
            if (offered.size() == 1 && meaning.intent() == Intent.YES) {
                return productAnswer(heard, choiceIntent, offered.get(0), 0.9);
            }
            if (offered.size() == 1 && meaning.intent() == Intent.NO) {
                // the product named back was misheard: what was asked may be something the store does not sell, so a
                // person is offered beside asking again ("yes" calls one)
                staffOffered = true;
                return reply(heard, "clarify", Map.of(), NOT_CONFIRMED, 0.5, false, Optional.empty());
            }
            Optional<Product> namedInstead = namedInstead(meaning, offered);
            if (namedInstead.isPresent() && !Understanding.asksPriceStockOrPlace(meaning.normalized())) {
                // asking nothing of its own, it asks of the new product what was asked of the offered one
                return productAnswer(heard, choiceIntent, namedInstead.get(), 0.9);
            }
            Optional<Product> picked = namedInstead.isPresent() ? Optional.empty()
                    : pick(meaning.normalized(), offered);
            if (picked.isPresent()) {
                // what the turn asks of it, when it asks ("how much is the overnight one" after two suggestions)
                Intent intent = meaning.intent().isProductQuestion() && (meaning.products().isEmpty()
                        || Understanding.asksPriceStockOrPlace(meaning.normalized())) ? meaning.intent() : choiceIntent;
                return productAnswer(heard, intent, picked.get(), 0.9);
            }
            if (offered.size() >= 2 && meaning.intent().isProductQuestion() && meaning.products().isEmpty()) {
                // "how much is it?" after two or three suggestions: which one is "it" only the shopper knows
                choices = offered;
                choiceIntent = meaning.intent();
                List<String> names = offered.stream().map(product -> "the " + product.name()).toList();
                return reply(heard, "clarify", Map.of("choices", String.join("|",
                        offered.stream().map(Product::sku).toList())), "Which one: " + joinOr(names) + "?", 0.5,
                        false, Optional.empty());
            }
        }
        if (faqAskedBack.isPresent()) {
            FaqEntry asked = faqAskedBack.get();
            faqAskedBack = Optional.empty();
            if (meaning.intent() == Intent.YES) {
                return reply(heard, "faq", Map.of("faq", asked.id()), asked.answer(), 0.8, false, Optional.empty());
            }
            if (meaning.intent() == Intent.NO) {
                staffOffered = true;
                return reply(heard, "no", Map.of(), "Sorry about that. Would you like me to call a team member?", 0.5,
                        false, Optional.empty());
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
            case NOT_UNDERSTOOD -> {
                if (meaning.concern() == ShopperWords.Concern.NONE) {
                    yield reply(heard, "not_understood", Map.of(), NOT_CAUGHT, 0, false, Optional.empty());
                }
                staffOffered = true;
                yield reply(heard, "not_understood", Map.of(), ONLY_STORE, 1, false, Optional.empty());
            }
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
            case STORE_CONTACT -> contact(heard, meaning.contact());
            case FAQ -> {
                var faq = meaning.faq().orElseThrow();
                yield reply(heard, "faq", Map.of("faq", faq.faq().id()), faq.faq().answer(), meaning.confidence(),
                        false, Optional.empty());
            }
            case DEPARTMENT_LOCATION -> meaning.department().map(name -> department(heard, name))
                    .orElseGet(() -> departments(heard));
            case PRODUCT_LOCATION, PRODUCT_PRICE, PRODUCT_STOCK -> product(heard, followingOn(meaning));
            case NOT_FOUND -> meaning.fit() == Interpretation.Fit.ALTERNATIVE && !meaning.products().isEmpty()
                    ? notSoldButNear(heard, meaning) : notFound(heard, meaning.subject(), meaning.confidence());
            case CLARIFY -> meaning.faq().map(faq -> askBack(heard, faq, meaning.confidence()))
                    .orElseGet(() -> reply(heard, "not_understood", Map.of(), NOT_CAUGHT, 0, false, Optional.empty()));
        };
    }

    /**
     * A question close to a FAQ entry, not close enough to answer it: the entry's phrasing it is closest to asked back
     * (the store's words, never the shopper's), a person offered if it is not what was meant.
     */
    private Reply askBack(String heard, FaqMatcher.FaqMatch faq, double confidence) {
        faqAskedBack = Optional.of(faq.faq());
        String phrasing = faq.phrasing().strip().replaceAll("[?.!]+$", "");
        return reply(heard, "clarify", Map.of("faq", faq.faq().id()), "I'm not sure I understood. Do you mean: "
                + phrasing + "? If not, I can call a team member.", confidence, false, Optional.empty());
    }

    /**
     * "and on saturday" after Sunday's closing time: a turn that goes on from an hours answer and is understood as
     * nothing else is read again as asking the same of the day it names (with the word of what was asked: open,
     * close or hours).
     */
    private Interpretation afterHours(String heard, Interpretation meaning) {
        if (hoursAsked.isEmpty() || !FOLLOWS_ON.matcher(meaning.normalized()).find()
                || meaning.intent() != Intent.NOT_FOUND && meaning.intent() != Intent.NOT_UNDERSTOOD) {
            return meaning;
        }
        String asked = switch (hoursAsked.get()) {
            case OPENING -> "open";
            case CLOSING, LATE -> "close";
            case ANY -> "hours";
        };
        Interpretation again = understanding.interpret(heard, asked);
        return again.intent() == Intent.STORE_HOURS ? again : meaning;
    }

    /**
     * "and the hot dogs" after the buns' price, "what about the whole milk" after the skim milk's: a turn that goes on
     * from the last one and asks no price, stock or place of its own asks what was asked last.
     */
    private Interpretation followingOn(Interpretation meaning) {
        if (focus.isEmpty() || !FOLLOWS_ON.matcher(meaning.normalized()).find()
                || Understanding.asksPriceStockOrPlace(meaning.normalized()) || meaning.intent() == focusIntent) {
            return meaning;
        }
        return new Interpretation(meaning.normalized(), focusIntent, meaning.subject(), meaning.products(),
                meaning.faq(), meaning.department(), meaning.day(), meaning.confidence(), meaning.fit(),
                meaning.contact(), meaning.concern());
    }

    private Reply product(String heard, Interpretation meaning) {
        if (meaning.products().isEmpty()) {
            if (focus.isPresent()) {
                return productAnswer(heard, meaning.intent(), focus.get(), meaning.confidence());
            }
            return reply(heard, "clarify", Map.of(), "Which product do you mean?", 0.3, false, Optional.empty());
        }
        ProductMatch best = meaning.products().get(0);
        boolean need = meaning.fit() == Interpretation.Fit.NEED;
        List<Product> rivals = meaning.products().stream().skip(1)
                .filter(other -> meaning.fit() == Interpretation.Fit.CHOICE
                        || (need ? best.cosine() - other.cosine() < Understanding.NEED_MARGIN
                        : other.score() >= Understanding.PRODUCT_THRESHOLD
                                && (best.score() - other.score() < CLARIFY_MARGIN
                                        || best.lexical() >= SAME_WORDS && other.lexical() >= SAME_WORDS))
                        // the price of a kind with several (see namedKind); its place or stock is the alias's
                        // product's ("where is the microphone", "any extension cords left"): the store's word for it
                        || !need && meaning.intent() == Intent.PRODUCT_PRICE
                                && meaning.fit() == Interpretation.Fit.NAMED
                                && namedKind(meaning.subject(), best.product())
                                && namedKind(meaning.subject(), other.product()))
                .filter(other -> !sameAnswer(meaning.intent(), best.product(), other.product()))
                // "the model train set": a Train Set that lacks a word said, beside one that has them all, is no rival
                .filter(other -> need || !heldWhole(meaning.subject(), best.product())
                        || heldWhole(meaning.subject(), other.product()))
                .map(ProductMatch::product)
                .limit(MAX_CHOICES - 1)
                .toList();
        if (!rivals.isEmpty()) {
            List<Product> offered = new ArrayList<>();
            offered.add(best.product());
            offered.addAll(rivals);
            Optional<Product> said = theOneSaid(meaning.normalized(), offered);
            if (said.isPresent()) {
                // "… the bigger cartridge, the XL one, how much is that": the shopper said which of them
                return need ? suggestion(heard, meaning.intent(), said.get(), best.semantic())
                        : productAnswer(heard, meaning.intent(), said.get(), best.score());
            }
            choices = List.copyOf(offered);
            choiceIntent = meaning.intent();
            boolean oneAisle = offered.stream().map(Product::aisle).distinct().count() == 1
                    && best.product().aisle().isPresent();
            if (meaning.intent() == Intent.PRODUCT_LOCATION
                    && (need || meaning.fit() == Interpretation.Fit.CHOICE && oneAisle)) {
                // where they are is one answer whichever is meant: no question needed
                return suggestions(heard, offered, best.semantic());
            }
            List<String> names = offered.stream().map(product -> "the " + product.name()).toList();
            String skus = String.join("|", offered.stream().map(Product::sku).toList());
            return reply(heard, "clarify", Map.of("choices", skus), "Did you mean " + joinOr(names) + "?",
                    need ? best.cosine() : best.score(), false, Optional.empty());
        }
        if (need) {
            return suggestion(heard, meaning.intent(), best.product(), best.semantic());
        }
        return productAnswer(heard, meaning.intent(), best.product(), best.score());
    }

    /**
     * "the string for it", "the daytime one": the question is read again with the product just discussed named in
     * it, and the best product other than that one is what is asked. Only when the question alone names no product
     * clearly and the product found so has its words: otherwise the first reading stands.
     */
    private Interpretation throughFocus(String heard, Interpretation meaning) {
        Optional<Interpretation> compared = compared(meaning);
        if (compared.isPresent()) {
            return compared.get();
        }
        if (focus.isPresent() && choices.isEmpty() && meaning.intent().isProductQuestion()
                && meaning.fit() == Interpretation.Fit.CHOICE && heldWhole(heard, focus.get())) {
            // "how much for a pack" after the batteries: words several products hold, every one of them the
            // product's just discussed, are said of it; "the big one" (after the big cooler's price) asks what was
            // asked last
            Intent intent = Understanding.asksPriceStockOrPlace(meaning.normalized()) ? meaning.intent()
                    : focusIntent;
            return surelyOf(meaning, intent, focus.get());
        }
        boolean variant = VARIANT.matcher(meaning.normalized()).find()
                && (meaning.intent().isProductQuestion() || meaning.intent() == Intent.NOT_FOUND);
        boolean open = variant || meaning.intent() == Intent.NOT_FOUND || meaning.intent().isProductQuestion()
                && meaning.bestProduct().map(best -> best.lexical() < CLEARLY_NAMED).orElse(false);
        // "and the bars" after the granola: words several products hold, said as going on from the last turn; "and
        // the 256" after the 64 GB drive: a word of a sibling's name only, read with the product just discussed
        boolean goesOn = (meaning.fit() == Interpretation.Fit.CHOICE || meaning.intent() == Intent.NOT_FOUND)
                && FOLLOWS_ON.matcher(meaning.normalized()).find();
        if (focus.isEmpty() || !choices.isEmpty() || !open
                || !REFERS_BACK.matcher(meaning.normalized()).find() && !goesOn && !variant) {
            return meaning;
        }
        Product current = focus.get();
        Optional<Product> ofItsKind = variant ? variantOfKind(meaning.normalized(), current) : Optional.empty();
        if (ofItsKind.isPresent()) {
            // "how much is the travel one" after the hair dryer: the one product of its kind with the words added
            Intent intent = !Understanding.asksPriceStockOrPlace(meaning.normalized()) ? focusIntent
                    : meaning.intent().isProductQuestion() ? meaning.intent()
                    : Understanding.productIntent(meaning.normalized());
            return surelyOf(meaning, intent, ofItsKind.get());
        }
        Interpretation again = understanding.interpret(heard, current.name());
        // A thing "for it" or a variant of it ("the daytime one") holds a word the shopper said now, word for word (a
        // slip-tolerant match is too loose here: "smaller" is one letter from "mallet"), and is mostly kept beside
        // it: one of its department comes first, then the nearest in meaning ("the string for it" after the string
        // trimmer is the trimmer line, not the string lights)
        Set<String> said = new HashSet<>(QueryText.contentTokens(heard));
        List<ProductMatch> others = again.products().stream()
                .filter(match -> !match.product().sku().equals(current.sku())
                        && !java.util.Collections.disjoint(said, QueryText.contentWordsOf(match.product().names())))
                .sorted(Comparator.comparing((ProductMatch match) -> !sameDepartment(match, current))
                        .thenComparing(ProductMatch::cosine, Comparator.reverseOrder()))
                .toList();
        Intent asked = !Understanding.asksPriceStockOrPlace(meaning.normalized()) ? focusIntent
                : meaning.intent().isProductQuestion() ? meaning.intent() : again.intent().isProductQuestion()
                        ? again.intent() : Understanding.productIntent(meaning.normalized());
        long currentHolds = said.stream().filter(QueryText.contentWordsOf(current.names())::contains).count();
        boolean readAsCurrent = meaning.bestProduct().map(best -> best.product().sku().equals(current.sku()))
                .orElse(false);
        if (variant && (readAsCurrent || currentHolds > 0 && (others.isEmpty() || currentHolds >= said.stream()
                .filter(QueryText.contentWordsOf(others.get(0).product().names())::contains).count()))) {
            // "the one for my bike" after the bike pump, "the big one" after the big cooler: the words added are the
            // product's own, it is the one meant, and what was asked of it is asked again
            return surelyOf(meaning, asked, current);
        }
        boolean sure = !others.isEmpty() && (sameDepartment(others.get(0), current)
                || others.get(0).score() >= Understanding.PRODUCT_THRESHOLD
                || others.get(0).cosine() >= RELATED_COSINE);
        if (!again.intent().isProductQuestion() || !sure) {
            return meaning;
        }
        Intent intent = !Understanding.asksPriceStockOrPlace(meaning.normalized()) ? focusIntent
                : meaning.intent().isProductQuestion() ? meaning.intent() : again.intent();
        return new Interpretation(meaning.normalized(), intent, meaning.subject(), others.subList(0, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), others.get(0).score(),
                Interpretation.Fit.NAMED, Interpretation.Contact.NONE, ShopperWords.Concern.NONE);
    }

    /**
     * "the longer one", "a smaller one", "is there a cheaper one" after a product: the product of its kind (same
     * department, the most words of its name besides sizes in common) that is the next size up or down (the first number of the name:
     * "HDMI Cable 15 ft" after "HDMI Cable 6 ft") or the next price down or up. Empty when the turn compares nothing,
     * no product is being discussed, or none of its kind is so.
     */
    private Optional<Interpretation> compared(Interpretation meaning) {
        String text = meaning.normalized();
        if (focus.isEmpty() || !choices.isEmpty()) {
            return Optional.empty();
        }
        Product current = focus.get();
        Optional<Comparison> comparison = Comparison.in(text, false);
        if (comparison.isEmpty()) {
            return Optional.empty();
        }
        ToDoubleFunction<Product> measure = comparison.get().measure();
        boolean up = comparison.get().up();
        double at = measure.applyAsDouble(current);
        Set<String> kind = kindWords(current);
        // the most of its kind first (the other HDMI cable, not the coaxial one), then the nearest size or price
        Comparator<Product> nearest = Comparator.comparingInt((Product product) -> -shared(kind, product))
                .thenComparingDouble(product -> Math.abs(measure.applyAsDouble(product) - at));
        Optional<Product> next = knowledge.products().stream()
                .filter(product -> !product.sku().equals(current.sku())
                        && product.department().equals(current.department())
                        && !java.util.Collections.disjoint(kind, kindWords(product)))
                .filter(product -> !Double.isNaN(measure.applyAsDouble(product)) && !Double.isNaN(at)
                        && (up ? measure.applyAsDouble(product) > at : measure.applyAsDouble(product) < at))
                .min(nearest);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Intent intent = Understanding.asksPriceStockOrPlace(text) ? Understanding.productIntent(text) : focusIntent;
        return Optional.of(surelyOf(meaning, intent, next.get()));
    }

    /**
     * {@code meaning} read again as asking {@code intent} of {@code product} alone, named for sure: what a follow-up
     * said of the product just discussed (or the next of its kind) means, once the conversation has worked it out.
     */
    private static Interpretation surelyOf(Interpretation meaning, Intent intent, Product product) {
        return new Interpretation(meaning.normalized(), intent, meaning.subject(),
                List.of(new ProductMatch(product, 0.9, 1, 0, 0, true, true)), Optional.empty(), Optional.empty(),
                Optional.empty(), 0.9, Interpretation.Fit.NAMED, Interpretation.Contact.NONE,
                ShopperWords.Concern.NONE);
    }

    private static int shared(Set<String> kind, Product product) {
        Set<String> words = kindWords(product);
        words.retainAll(kind);
        return words.size();
    }

    /** "the travel one", "the XL ones": the words that pick one of a kind, between the article and "one". */
    private static final Pattern ONE_WITH = Pattern.compile("\\b(?:the|a|an) ((?:\\w+ ){1,2})ones?\\b");
    /** Words before "one" that pick by place or order, not by what the product is. */
    private static final Set<String> NOT_VARIANT = Set.of("first", "second", "third", "last", "other", "same", "this",
            "that", "next", "previous", "right", "left", "top", "bottom", "middle");

    /**
     * The one of {@code candidates} whose names hold every word of a "the … one" the turn says ("the XL one" of two
     * ink cartridges); empty when the turn says none, or none or several hold its words.
     */
    private static Optional<Product> theOneSaid(String normalized, List<Product> candidates) {
        Matcher one = ONE_WITH.matcher(normalized);
        while (one.find()) {
            List<String> words = QueryText.contentTokens(one.group(1));
            if (words.isEmpty() || words.stream().anyMatch(NOT_VARIANT::contains)) {
                continue;
            }
            List<Product> holding = candidates.stream()
                    .filter(product -> QueryText.contentWordsOf(product.names()).containsAll(words)).toList();
            if (holding.size() == 1) {
                return Optional.of(holding.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The one product of the discussed product's kind (a word of its name besides sizes in common) that a "the … one"
     * picks ("what does the travel one cost" after a hair dryer); empty when none or several do.
     */
    private Optional<Product> variantOfKind(String normalized, Product current) {
        Set<String> kind = kindWords(current);
        return theOneSaid(normalized, knowledge.products().stream()
                .filter(product -> !product.sku().equals(current.sku())
                        && !java.util.Collections.disjoint(kind, kindWords(product)))
                .toList());
    }

    /** The words of a product's name that say what it is, sizes and numbers left out. */
    private static Set<String> kindWords(Product product) {
        Set<String> words = new HashSet<>(QueryText.contentTokens(product.name().replaceAll("[0-9.]+", " ")));
        words.removeAll(SIZE_WORDS);
        return words;
    }

    /** The first number of a product's name ("43 inch 4K Smart TV": 43), NaN when it has none. */
    private static double size(Product product) {
        java.util.regex.Matcher number = FIRST_NUMBER.matcher(product.name());
        return number.find() ? Double.parseDouble(number.group()) : Double.NaN;
    }

    /**
     * Whether the shopper's words are what the product's name says it is: its name ends with them, numbers and
     * units of size left out ("pump": the Bike Pump and the Battery Air Pump; "extension cord": the Extension Cord
     * 25 ft; "soccer ball": the Youth Soccer Ball Size 4). Two products the words name so are two of the kind asked
     * for, and only the shopper can say which (an alias of one of them is the store's word, not the shopper's
     * choice); a product that merely holds the words ("Kayak Paddle" for "kayak") is of another kind.
     */
    static boolean namedKind(String subject, Product product) {
        List<String> asked = QueryText.contentTokens(subject);
        List<String> name = new ArrayList<>(QueryText.contentTokens(product.name().replaceAll("[0-9.]+", " ")));
        while (!name.isEmpty() && (SIZE_WORDS.contains(name.get(name.size() - 1))
                || UNIT_WORDS.contains(name.get(name.size() - 1)))) {
            name.remove(name.size() - 1);
        }
        return !asked.isEmpty() && name.size() >= asked.size()
                && name.subList(name.size() - asked.size(), name.size()).equals(asked);
    }

    /** Whether the turn's content words are all words of the product's names (and there is at least one). */
    private static boolean heldWhole(String heard, Product product) {
        List<String> said = QueryText.contentTokens(heard);
        return !said.isEmpty() && QueryText.contentWordsOf(product.names()).containsAll(said);
    }

    private static boolean sameDepartment(ProductMatch match, Product product) {
        return match.product().department().equals(product.department());
    }

    /** Names the product heard back as a question, no fact of it yet. */
    private Reply confirm(String heard, Interpretation meaning) {
        Product heardProduct = meaning.products().get(0).product();
        choices = List.of(heardProduct);
        choiceIntent = meaning.intent();
        // a product found from a described need was not said: it is offered, not read back
        String question = meaning.fit() == Interpretation.Fit.NEED || meaning.fit() == Interpretation.Fit.GUESS
                ? "Do you mean the " : "Did you say the ";
        return reply(heard, "clarify", Map.of("choices", heardProduct.sku()), question + heardProduct.name() + "?",
                meaning.confidence(), false, Optional.empty());
    }

    /**
     * Two or three products found from a need, none clearly the one: each offered with its place, so the shopper
     * chooses ("The Hedge Trimmer, aisle 17, or the Pruning Shears, aisle 16, could do that."); "the second one"
     * or a name then picks one. No product is the focus of a later "how much is it": it would be a guess.
     */
    private Reply suggestions(String heard, List<Product> offered, double confidence) {
        focus = Optional.empty();
        List<String> each = offered.stream().map(product -> "the " + product.name() + ", "
                + product.aisle().map(aisle -> isAisleNumber(aisle) ? "aisle " + aisle : "the " + aisle)
                        .orElse("at the service desk")).toList();
        String listed = String.join(", ", each.subList(0, each.size() - 1)) + ", or " + each.get(each.size() - 1);
        String answer = "T" + listed.substring(1) + ", could do that.";
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("choices", String.join("|", offered.stream().map(Product::sku).toList()));
        slots.put("suggested", "true");
        return reply(heard, Intent.PRODUCT_LOCATION.label(), slots, answer, confidence, false, Optional.empty());
    }

    /** A product found from a need, offered as such: "The Pruning Shears in aisle 15 could do that." */
    private Reply suggestion(String heard, Intent intent, Product product, double confidence) {
        if (intent != Intent.PRODUCT_LOCATION) {
            Reply facts = productAnswer(heard, intent, product, confidence);
            return facts.withAnswer("The " + product.name() + " could do that. " + facts.answer());
        }
        focus = Optional.of(product);
        String answer = Answers.suggestion(product) + (product.inStock() ? "" : " " + Answers.outOfStock(product));
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("product", product.name());
        slots.put("sku", product.sku());
        slots.put("suggested", "true");
        product.aisle().ifPresent(aisle -> slots.put("aisle", aisle));
        return reply(heard, intent.label(), slots, answer, confidence, false,
                product.aisle().filter(Conversation::isAisleNumber));
    }

    private Reply productAnswer(String heard, Intent intent, Product product, double confidence) {
        focus = Optional.of(product);
        focusIntent = intent;
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("product", product.name());
        slots.put("sku", product.sku());
        product.aisle().ifPresent(aisle -> slots.put("aisle", aisle));
        StringBuilder answer = new StringBuilder();
        switch (intent) {
            case PRODUCT_PRICE -> {
                answer.append(Answers.price(product));
                if (!product.inStock()) {
                    answer.append(' ').append(Answers.outOfStock(product));
                }
            }
            case PRODUCT_STOCK -> {
                if (product.inStock()) {
                    answer.append(Answers.inStock(product));
                } else {
                    answer.append("Sorry, the ").append(product.name()).append(' ')
                            .append(Answers.plural(product) ? "are" : "is").append(" out of stock right now.");
                    alternative(product).ifPresent(alt -> answer.append(' ').append(Answers.alternative(alt)));
                }
            }
            default -> {
                answer.append(Answers.location(product));
                if (!product.inStock()) {
                    answer.append(' ').append(Answers.outOfStock(product));
                    alternative(product).ifPresent(alt -> answer.append(' ').append(Answers.alternative(alt)));
                }
            }
        }
        return reply(heard, intent.label(), slots, answer.toString(), confidence, false,
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
        // the aisle is not the sentence's last word: the voice's falling end loses it (see Answers)
        return reply(heard, "department_location", Map.of("department", name, "aisle", String.join("|", aisles)),
                name + " is " + where + "; ask me about any product there.", 0.9, false,
                Optional.of(aisles.get(0)).filter(Conversation::isAisleNumber));
    }

    /**
     * Names nothing the shopper said: a thing the store does not list is not a catalog word, and anything else said
     * back ("I couldn't find <words> ...") would let a shopper make the store's speaker say what they like. The
     * subject stays in the reply's slots, never spoken: the journal keeps it (redacted, with
     * {@code privacy.log_transcripts}) for {@code kioskctl unanswered}.
     */
    private Reply notFound(String heard, String subject, double confidence) {
        staffOffered = true;
        Map<String, String> slots = subject.isBlank() ? Map.of() : Map.of("subject", subject);
        return reply(heard, "not_found", slots, NOT_SOLD, confidence, false, Optional.empty());
    }

    /**
     * A kind of thing the store lacks, of which it has another ("coconut water", its Spring Water): the product is offered
     * by its catalog name as something else, none of its facts said, so nothing answers a question not asked; "yes"
     * (or "where is it") then answers what was asked of it. The shopper's words are not said back (see
     * {@link #notFound}).
     */
    private Reply notSoldButNear(String heard, Interpretation meaning) {
        Product nearest = meaning.products().get(0).product();
        choices = List.of(nearest);
        choiceIntent = Understanding.productIntent(meaning.normalized());
        focus = Optional.of(nearest);
        Map<String, String> slots = new java.util.LinkedHashMap<>();
        slots.put("nearest", nearest.sku());
        if (!meaning.subject().isBlank()) {
            slots.put("subject", meaning.subject());
        }
        return reply(heard, "not_found", slots, "I don't think we sell that. We do have the " + nearest.name()
                + "; would that do?", meaning.confidence(), false, Optional.empty());
    }

    private Reply contact(String heard, Interpretation.Contact asked) {
        boolean phone = asked != Interpretation.Contact.ADDRESS;
        boolean address = asked != Interpretation.Contact.PHONE;
        List<String> parts = new ArrayList<>();
        if (phone) {
            parts.add(knowledge.phone().isBlank() ? "I don't have the store's phone number."
                    : Answers.phone(knowledge.phone()));
        }
        if (address) {
            parts.add(knowledge.address().isBlank() ? "I don't have the store's address."
                    : "We're at " + knowledge.address() + ".");
        }
        boolean missing = phone && knowledge.phone().isBlank() || address && knowledge.address().isBlank();
        if (missing) {
            staffOffered = true;
            parts.add("A team member can tell you. Would you like me to call one?");
        }
        return reply(heard, "store_contact", Map.of("contact", asked.name().toLowerCase(Locale.ROOT)),
                String.join(" ", parts), 0.9, false, Optional.empty());
    }

    /** "Our departments are Electrical, aisles 1 and 2; Lighting, aisle 3; …; ask me about any of them.". */
    private Reply departments(String heard) {
        List<String> parts = new ArrayList<>();
        knowledge.departments().forEach((name, aisles) -> parts.add(name + ", aisle" + (aisles.size() == 1 ? " "
                : "s ") + joinAnd(aisles)));
        String answer = parts.isEmpty() ? "I don't have this store's departments. A team member can help you."
                : "Our departments are " + String.join("; ", parts) + "; ask me about any of them.";
        return reply(heard, "department_location", Map.of(), answer, 0.9, false, Optional.empty());
    }

    private Reply hours(String heard, DayRequest request) {
        Map<String, String> slots = new LinkedHashMap<>();
        String answer;
        if (request.holidays()) {
            answer = holidays();
        } else if (request.date().filter(date -> knowledge.holidays().containsKey(date)
                || !request.label().equals("today") && !request.label().equals("tomorrow")).isPresent()) {
            // A holiday, or a named day ("on Christmas"): said with its date, its holiday hours if it has some
            LocalDate date = request.date().get();
            slots.put("date", date.toString());
            String when = dayName(date.getDayOfWeek()) + ", " + monthDay(date);
            String label = request.label().startsWith("on ") ? "on " + when : request.label() + ", " + when + ",";
            Optional<OpeningHours> open = knowledge.hoursOn(date);
            // a named day the store keeps other hours on in a year its file lists, but not this year: its weekday's
            // hours would be a guess ("black friday" asked after this year's, with only this year's in the file)
            boolean listedOtherYear = !knowledge.holidays().containsKey(date) && knowledge.holidays().keySet().stream()
                    .anyMatch(listed -> request.inYear(listed.getYear()).filter(listed::equals).isPresent());
            boolean unknown = !knowledge.holidays().containsKey(date)
                    && (knowledge.hoursUnknownOn(date.getDayOfWeek()) || listedOtherYear);
            // the hours the file lists for that named day in another year, said with their date: what the store
            // kept then is a fact it has, this year's would be a guess
            Optional<LocalDate> lastListed = !listedOtherYear ? Optional.empty() : knowledge.holidays().keySet()
                    .stream().filter(listed -> request.inYear(listed.getYear()).filter(listed::equals).isPresent())
                    .max(Comparator.naturalOrder());
            answer = lastListed.isPresent() ? "I don't have this year's hours for that day yet. Last time, on "
                    + dayName(lastListed.get().getDayOfWeek()) + ", " + monthDay(lastListed.get())
                    + knowledge.hoursOn(lastListed.get())
                            .map(h -> " we were open " + Answers.open(h)).orElse(" we were closed")
                    + ". A team member can tell you this year's."
                    : unknown ? "I don't have this store's hours for that day. A team member can tell you."
                    : open.isEmpty() ? "We're closed " + label.replaceAll(",$", "") + "."
                    : sentence(capitalize(label) + switch (request.focus()) {
                        case OPENING -> " we open at " + SpokenTime.of(open.get().opens());
                        case CLOSING, LATE -> " we close at " + SpokenTime.of(open.get().closes());
                        case ANY -> " we're open " + Answers.open(open.get());
                    });
        } else if (request.focus() == DayRequest.Focus.LATE && request.day().isEmpty()) {
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
            if (knowledge.hoursUnknownOn(day)) {
                // store.yaml's hours for the day could not be read: not knowing is no reason to say "closed"
                answer = "I don't have this store's hours for " + dayName(day) + ". A team member can tell you.";
            } else if (open.isEmpty()) {
                answer = "We're closed " + request.label() + ".";
            } else {
                OpeningHours hours = open.get();
                answer = sentence(switch (request.focus()) {
                    case OPENING -> capitalize(label) + " we open at " + SpokenTime.of(hours.opens());
                    case CLOSING, LATE -> capitalize(label) + " we close at " + SpokenTime.of(hours.closes());
                    case ANY -> capitalize(label) + " we're open " + Answers.open(hours);
                });
            }
        } else {
            answer = weekly(knowledge);
        }
        return reply(heard, "store_hours", slots, answer, 0.9, false, Optional.empty());
    }

    /** "Holiday hours: closed on Friday, December 25; …", from store.yaml's holidays. */
    private String holidays() {
        if (knowledge.holidays().isEmpty()) {
            return "I don't have any holiday hours for this store; on other days " + weekly(knowledge).substring(0, 1)
                    .toLowerCase(Locale.ROOT) + weekly(knowledge).substring(1);
        }
        List<String> parts = new ArrayList<>();
        knowledge.holidays().forEach((date, hours) -> parts.add(hours
                .map(h -> "on " + dayName(date.getDayOfWeek()) + ", " + monthDay(date) + " we're open "
                        + Answers.open(h))
                .orElse("on " + dayName(date.getDayOfWeek()) + ", " + monthDay(date) + " we're closed")));
        return sentence("Holiday hours: " + String.join("; ", parts));
    }

    private static String monthDay(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth();
    }

    private String onDay(DayOfWeek day) {
        return knowledge.hoursOn(day)
                .map(h -> "on " + dayName(day) + " we're open " + Answers.open(h))
                .orElse(knowledge.hoursUnknownOn(day) ? "on " + dayName(day) + " I don't have our hours"
                        : "on " + dayName(day) + " we're closed");
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

    /** "We're open Monday to Thursday from 8 a.m. to 9 p.m., Friday …": days with equal hours grouped. */
    static String weekly(StoreKnowledge knowledge) {
        if (knowledge.hours().isEmpty()) {
            return "I don't have this store's opening hours. A team member can tell you.";
        }
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            Optional<OpeningHours> hours = knowledge.hoursOn(days[i]);
            int j = i;
            boolean unknown = knowledge.hoursUnknownOn(days[i]);
            while (j + 1 < days.length && knowledge.hoursOn(days[j + 1]).equals(hours)
                    && knowledge.hoursUnknownOn(days[j + 1]) == unknown) {
                j++;
            }
            String span = i == j ? dayName(days[i]) : dayName(days[i]) + " to " + dayName(days[j]);
            // a day whose hours store.yaml could not give is said as unknown, never as closed
            parts.add(hours.map(h -> span + " " + Answers.open(h))
                    .orElse(unknown ? "on " + span + " I don't have the hours" : "closed " + span));
            i = j + 1;
        }
        return sentence("We're open " + joinAnd(parts));
    }

    /** Which offered product a follow-up means: by its words ("the shears"), else by position ("the second"). */
    private static Optional<Product> pick(String text, List<Product> offered) {
        List<String> said = QueryText.contentTokens(text);
        Product best = null;
        long bestShared = 0;
        for (Product product : offered) {
            long shared = QueryText.contentWordsOf(product.names()).stream().filter(said::contains).count();
            if (shared > bestShared) {
                best = product;
                bestShared = shared;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        Optional<Product> compared = pickCompared(text, offered);
        if (compared.isPresent()) {
            return compared;
        }
        if (text.matches(".*\\b(first|former|number one|the one)\\b.*")) {
            return Optional.of(offered.get(0));
        }
        if (text.matches(".*\\b(third|number three)\\b.*") && offered.size() >= 3) {
            return Optional.of(offered.get(2));
        }
        if (text.matches(".*\\b(last|latter)\\b.*")) {
            return Optional.of(offered.get(offered.size() - 1));
        }
        if (text.matches(".*\\b(second|other|number two|middle)\\b.*")) {
            return Optional.of(offered.get(1));
        }
        return Optional.empty();
    }

    /** What a turn compares products by, their size (the first number of the name) or their price, and which way. */
    private record Comparison(ToDoubleFunction<Product> measure, boolean up) {

        /**
         * The comparison {@code text} asks for ("the longer one", "a cheaper one"; with {@code plainSizes}, among
         * products offered, also "the long one", "the small one"), if it asks one.
         */
        static Optional<Comparison> in(String text, boolean plainSizes) {
            boolean bigger = BIGGER.matcher(text).find() || plainSizes && BIG.matcher(text).find();
            boolean smaller = SMALLER.matcher(text).find() || plainSizes && SMALL.matcher(text).find();
            if (bigger || smaller) {
                return Optional.of(new Comparison(Conversation::size, bigger));
            }
            if (CHEAPER.matcher(text).find() || DEARER.matcher(text).find()) {
                return Optional.of(new Comparison(product -> product.price().doubleValue(),
                        DEARER.matcher(text).find()));
            }
            return Optional.empty();
        }
    }

    /**
     * "the smaller one", "the long one", "the cheaper one" among products offered: the one at that end of their sizes
     * (the first number of each name) or prices. Empty when the turn compares nothing or the offered have no sizes.
     */
    private static Optional<Product> pickCompared(String text, List<Product> offered) {
        Optional<Comparison> comparison = Comparison.in(text, true);
        if (comparison.isEmpty()) {
            return Optional.empty();
        }
        ToDoubleFunction<Product> measure = comparison.get().measure();
        boolean up = comparison.get().up();
        if (offered.stream().anyMatch(product -> Double.isNaN(measure.applyAsDouble(product)))) {
            return Optional.empty();
        }
        Comparator<Product> order = Comparator.comparingDouble(measure);
        return up ? offered.stream().max(order) : offered.stream().min(order);
    }

    /**
     * A product the turn names instead of any offered: "and the jack stands" after "Did you say the Floor Jack?" says
     * a word of the offered product ("jack", an alias), but names another whole, in two words or more (one word, "the
     * one for my bike", describes which is meant) and in more words than it says of any offered product.
     */
    private static Optional<Product> namedInstead(Interpretation meaning, List<Product> offered) {
        String said = meaning.normalized();
        int offeredNamed = offered.stream().mapToInt(product -> QueryText.wordsNamed(said, product.names())).max()
                .orElse(0);
        return meaning.bestProduct().map(ProductMatch::product).filter(product -> !offered.contains(product)
                && QueryText.wordsNamed(said, product.names()) >= Math.max(2, offeredNamed + 1));
    }

    private static boolean sameAnswer(Intent intent, Product a, Product b) {
        return switch (intent) {
            case PRODUCT_PRICE -> a.price().compareTo(b.price()) == 0;
            case PRODUCT_STOCK -> a.inStock() == b.inStock() && a.aisle().equals(b.aisle());
            default -> a.aisle().equals(b.aisle()) && a.inStock() == b.inStock();
        };
    }

    private static String place(String aisle) {
        return Answers.place(aisle);
    }

    private static boolean isAisleNumber(String aisle) {
        return Answers.isAisleNumber(aisle);
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String joinOr(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
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
