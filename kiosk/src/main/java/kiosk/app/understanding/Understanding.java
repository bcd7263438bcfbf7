package kiosk.app.understanding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kiosk.app.store.FaqEntry;
import kiosk.app.store.Product;
import kiosk.app.store.StoreKnowledge;
import kiosk.model.SentenceEncoder;

/**
 * Turns a shopper's words into an {@link Interpretation}: which kind of question (read from the whole question, see
 * {@link Cues}), about what (products, departments, FAQ entries and the store's own facts, found by
 * {@link ProductMatcher} and {@link FaqMatcher}), for which day, and how sure. A product the shopper names is an
 * answer; a product found from a need they describe is a suggestion. Built once per knowledge load; thread-safe.
 */
public final class Understanding {

    /** A product below this fused score is not claimed as the one asked about. */
    public static final double PRODUCT_THRESHOLD = 0.5;
    /** A product counts as named when this much of its name or an alias is in the question. */
    static final double NAMED_LEXICAL = 0.5;
    /** A described need ("the air in the baby's room is dry") matches a product at this encoder cosine. */
    static final double NEED_COSINE = 0.38;
    /**
     * A thing asked for by a name the catalog lacks ("do you sell refrigerators") is only taken for a product this
     * close: anything looser is a product the store does not sell.
     */
    static final double UNLISTED_NAME_COSINE = 0.55;
    /**
     * A need matched below this cosine with a runner-up within {@link #NEED_TIE} is a guess between near-equals:
     * the products are asked about by name, no aisle is said. On the development halves every weak need answered
     * right had its best product alone; the wrong ones were ties of unrelated products.
     */
    static final double NEED_SURE = 0.45;
    static final double NEED_TIE = 0.03;
    /**
     * A described need no product's whole document is close to ({@link #NEED_COSINE}) is matched by what products are
     * for, their descriptions alone: the closest is suggested when it is this close and clearly ahead of the next
     * ({@link #PURPOSE_MARGIN}). Only for a need described, never for a thing named: "where's the hair dye" is as
     * close to a shampoo's description as "going to London, need to charge my stuff" to the travel adapter's, and the
     * store sells no hair dye. On the five stores' development halves every need matched this way was right at a
     * margin of 0.17 or more, and the one wrong best (a UPS for a phone battery) led by 0.03.
     */
    static final double PURPOSE_SURE = 0.45;
    static final double PURPOSE_MARGIN = 0.08;
    /**
     * A need matched by a product's whole document (name, aliases, department, description) whose description alone
     * is this much further from the question is a guess: "my smoke alarm keeps chirping" is close to the Carbon
     * Monoxide Detector's name and department, not to what it is for. On the seven development halves three of the five
     * wrong first products of a need had descriptions 0.09–0.15 further than their documents (the other two 0.02
     * further and 0.04 closer); of the 79 right ones one was that far (the Burn Relief Gel, 0.15, with a runner-up
     * beside it), the rest at most 0.085.
     */
    static final double PURPOSE_UNDER_DOCUMENT = 0.09;
    /**
     * Need-based matches this close to the best (cosine, on MiniLM's scale) are offered beside it: the encoder does
     * not know which the shopper needs. On the development halves the encoder's wrong first choice was 0.058 ahead of
     * the right one ("itchy skin between my toes": hydrocortisone before the athlete's-foot cream), and right first
     * choices had runners-up from 0.021 behind; so a close runner-up is named with its place rather than dropped.
     */
    public static final double NEED_MARGIN = 0.07;
    /**
     * A FAQ entry matched as a paraphrase yields to a product whose description is this much closer: on the six
     * development halves the needs a FAQ entry took by one shared word ("park", "water") had descriptions 0.19 and
     * 0.21 closer than the entry, and the FAQ entries rightly answered at most 0.14 behind a description.
     */
    static final double FAQ_UNDER_PURPOSE = 0.16;
    /**
     * In a long turn, a product of the kind named ("camera") this much closer in meaning than the product whose
     * alias is the kind's bare word is the one the turn describes.
     */
    static final double KIND_BY_MEANING = 0.15;
    /** A kind of goods asked for whole, by a word that names no product: "art supplies", "the baby stuff". */
    private static final Pattern KIND_OF_GOODS = Pattern.compile("\\b((?:\\w+ ){1,2})(supplies|stuff|things"
            + "|products|items|gear)\\b");
    /** "do you sell X", "where are the X", "any X": the question names a thing rather than describing a need. */
    private static final Pattern NAMES_A_THING = Pattern.compile("^(do you (sell|have|carry|stock|guys have)"
            + "|where (is|are|s|do you keep|(can|could|would|do|should|might) (i|we) (find|get|buy))|can i (buy|get|find)"
            + "|any|got any|is there any"
            + "|are there any"
            + "|(im|i am) looking for|how much (is|are|do)|what about|and)\\b");
    /**
     * "do you sell tires", "where can I buy a steering wheel": whether the store sells a thing at all, the question
     * a shopper asks of a thing the store may lack (not "how much is the X", which presumes it, nor "what do you have
     * for babies", a need).
     */
    private static final Pattern ASKS_WHETHER_SOLD = Pattern.compile("(?<!what )\\b(do|does) (you|ya) (guys )?(sell|have|carry"
            + "|stock)\\b|\\bwhere (can|could|would|do|should|might) (i|we) (buy|get|find)\\b|\\b(can|could) (i|we) (buy|get)\\b"
            + "|\\b(is|are) there any\\b|^(any|got any)\\b");
    /**
     * "is there a cash machine", "do you have gift cards": whether a thing is here, which "I don't think we have it"
     * answers when nothing close is known; such a question is not asked back as a FAQ entry's.
     */
    private static final Pattern ASKS_WHETHER_THERE = Pattern.compile("^(is|are) there\\b"
            + "|\\b(do|does) (you|ya) (guys |all )?(have|sell|carry|stock|got)\\b");
    /** "do you have anything for a headache": a need, however the question begins. */
    private static final Pattern DESCRIBES_A_NEED = Pattern.compile("\\b((anything|something|stuff|what) (for|to)"
            + "|somewhere to (put|keep|hold|store|hang|plug))\\b");
    /** A turn longer than this many words is read for its last clause to know what it asks. */
    static final int LONG_TURN_WORDS = 14;
    /** Where a clause that describes a thing begins, after its name: "... where you", "... that", "... but". */
    private static final Pattern DESCRIBING_CLAUSE = Pattern.compile("(?i)\\b(where|that|which|who|but|because)"
            + " (you|it|they|he|she|i|we|is|are|has|have|does|do|can|will|won't|doesn't|don't|goes|works|lets|makes"
            + "|my|your|the)\\b");
    static final double FAQ_CERTAIN = 0.80;
    static final double FAQ_THRESHOLD = 0.62;
    /** Without a product named, a FAQ entry this close (cosine to a phrasing or its answer) is what is asked. */
    static final double FAQ_PARAPHRASE = 0.44;
    /**
     * A question that names no thing and that nothing else answers, this close to a FAQ entry (below
     * {@link #FAQ_PARAPHRASE}), is asked back with the entry's phrasing closest to it ("Do you mean: can I return
     * something?") rather than refused: the shopper's "yes" gets the answer, "no" a person offered.
     */
    static final double FAQ_ASKED_BACK = 0.35;
    /**
     * A FAQ entry that would be asked back is answered when it is this far ahead of every other entry: asking back is
     * for "which of these did you mean", and one entry alone needs no choice. On the development halves the entries
     * rightly asked back led by 0.14 and 0.16 ("I'm a teacher, do I get anything off": the student and teacher
     * discount) or by 0.03 or less, and the wrongly asked back led by 0.04 or less.
     */
    static final double FAQ_ALONE = 0.10;
    /**
     * A service asked of "someone" ("can someone check my water") is the FAQ entry this close; below, a person is
     * called. On the seven development halves the services a FAQ entry answered were at 0.65 and 0.71, and the one
     * entry that answered another service (a drive-thru for a delivery) at 0.50.
     */
    static final double FAQ_SERVICE = 0.60;
    /**
     * Products and FAQ entries ranked together: a FAQ entry whose cosine is this far above the best product's is what
     * the question means, unless the question names the product whole and asks its price, stock or place ("where's
     * the toilet" is no question about the toilet paper, "what do I do with my empty soda cans" none about the cola).
     */
    static final double FAQ_OVER_PRODUCT = 0.10;
    /**
     * A product matched only through slips ("wine" is one letter from "wipes") is claimed only when its meaning is
     * this close too: spelling alone is no evidence that a thing the store lacks is one it has.
     */
    static final double SLIP_COSINE = 0.25;
    /** Products ranked per question: the lexical best and the encoder's best both among them. */
    static final int CANDIDATES = 12;
    /**
     * Where a described need begins: "something to", "anything for", "what can I put", "what do I need". The things
     * named after it are what the need is about (the cake, my coffee), not what the shopper wants to buy.
     */
    static final Pattern NEED_CUE = Pattern.compile("\\b((something|anything|stuff) (to|for|that)|somewhere to"
            + "|what (do|can|should|could) (i|we) (use|put|get|need|buy|add)|what (do|would) (i|we) need)\\b");
    /** The object of a need, after it: "on top of the cake", "in my coffee", "my smoke alarm". */
    private static final Pattern NEED_OBJECT = Pattern.compile("\\b(?:(?:on top of|in|into|on|onto|off|for|with|from"
            + "|under|of|around) (?:the|my|our|his|her|their|a|an)|my|our) ((?:[a-z]+ ?){1,3})");
    /** Words before "for" that name no thing: verbs and adjectives of purpose ("shopping for", "made for"). */
    private static final Set<String> NOT_A_THING_BEFORE_FOR = Set.of("shopping", "searching", "hunting", "asking",
            "waiting", "paying", "hoping", "going", "coming", "working", "used", "using", "use", "needed", "made",
            "meant", "designed", "suitable", "ready", "time", "gift", "present", "here", "there", "out", "up",
            "perfect", "ideal", "safe", "enough", "thank", "thanks", "sorry", "ask", "wait", "pay", "shop", "search",
            "hunt", "looked", "searched", "asked", "came", "went", "work", "works", "fit", "fits", "fitting");
    /** "ram for laptops", "a strap for my camera": a thing, then what it is for. */
    private static final Pattern PURPOSE = Pattern.compile("\\b([a-z]+) for (?:(?:my|our|the|a|an|his|her|their"
            + "|your|these|those|this|that) )?([a-z]+(?: [a-z]+){0,2})");
    private static final Pattern ASKS_PERSON = Pattern.compile("\\b(call me|my account|look up|someone|somebody"
            + "|a person|team member)\\b");

    private final StoreKnowledge knowledge;
    private final ProductMatcher products;
    private final FaqMatcher faqs;
    private final ShopperWords shopperWords;
    private final Clock clock;

    public Understanding(StoreKnowledge knowledge, SentenceEncoder encoder, Clock clock) {
        this.knowledge = knowledge;
        this.products = new ProductMatcher(knowledge.products(), encoder);
        this.faqs = new FaqMatcher(knowledge.faqs(), encoder);
        this.shopperWords = new ShopperWords(products::knows);
        this.clock = clock;
    }

    public Interpretation interpret(String heard) {
        return interpret(heard, "");
    }

    /**
     * The turn read again with a product the conversation already holds named after it ("and the sport ones" after
     * the earbuds): the name is matched with the shopper's words, but it is not the shopper's, so none of its words is
     * read as the shopper's modifier of another product.
     */
    public Interpretation interpret(String heardWords, String productNamed) {
        String shoppersWords = products.joinSplitWords(heardWords);
        String heard = productNamed.isEmpty() ? shoppersWords : shoppersWords + " " + productNamed;
        String text = QueryText.normalize(heard);
        if (text.isBlank()) {
            return simple(text, Intent.NOT_UNDERSTOOD, 0);
        }
        if (Cues.GREETING.matcher(text).matches()) {
            return simple(text, Intent.GREETING, 1);
        }
        if (Cues.THANKS.matcher(text).matches() || Cues.thanks(text)) {
            return simple(text, Intent.THANKS, 1);
        }
        if (Cues.ABOUT_KIOSK.matcher(text).matches()) {
            return simple(text, Intent.GREETING, 1);
        }
        boolean shortReply = text.split(" ").length <= 4;
        if (shortReply && Cues.NO.matcher(text).find()) {
            return simple(text, Intent.NO, 1);
        }
        if (shortReply && Cues.GOODBYE.matcher(text).find()) {
            // "okay bye" ends the conversation; it is no yes to an offer of a person
            return simple(text, Intent.GOODBYE, 1);
        }
        if (shortReply && Cues.YES.matcher(text).find()) {
            return simple(text, Intent.YES, 1);
        }
        ShopperWords.Concern concern = shopperWords.concern(heard, text);
        if (concern != ShopperWords.Concern.NONE) {
            // Not a question for the store: answer nothing of it, say none of it back.
            // a person asked for beside a card number or an insult is called ("this thing is useless, get me a
            // human"); an instruction to the kiosk is never obeyed, a person it names included
            Intent intent = concern != ShopperWords.Concern.INSTRUCTION && (ASKS_PERSON.matcher(text).find()
                    || Cues.staffAsked(text) || Cues.PERSON_ASKED.matcher(text).find())
                    ? Intent.CALL_STAFF : Intent.NOT_UNDERSTOOD;
            return new Interpretation(text, intent, "", List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 1, Interpretation.Fit.NAMED, Interpretation.Contact.NONE, concern);
        }
        String subject = subject(text);
        // the fused ranking's best, and beyond them the best-described products, which only the need matched by
        // descriptions weighs: every other reading sees the candidates it saw before descriptions were kept
        List<ProductMatch> withDescribed = products.rank(text, CANDIDATES);
        List<ProductMatch> ranked = withDescribed.subList(0, Math.min(CANDIDATES, withDescribed.size()));
        Optional<FaqMatcher.FaqMatch> faq = faqInWholeOrClause(text, shoppersWords);
        Optional<String> department = department(text);
        double bestProduct = ranked.isEmpty() ? 0 : ranked.get(0).score();
        double bestLexical = ranked.isEmpty() ? 0 : ranked.get(0).lexical();
        double faqScore = faq.map(FaqMatcher.FaqMatch::score).orElse(0.0);
        double faqCosine = faq.map(FaqMatcher.FaqMatch::cosine).orElse(0.0);
        double faqLead = faq.map(FaqMatcher.FaqMatch::lead).orElse(0.0);
        Set<String> context = new HashSet<>(needObjects(text));
        context.addAll(purposeObjects(text));
        context.addAll(connectedThings(text));
        Set<String> own = ownThings(text);
        if (!context.isEmpty() || !own.isEmpty()) {
            // The thing a need is about is not what the shopper asks for: "something to put on top of the cake"
            // asks for no cake; nor is the shopper's own thing, named whole or in part ("hang my tv on the wall" and
            // the TV Wall Mount)
            ranked = ranked.stream().filter(match -> !aboutOnly(match, text, context) && !ownOnly(match, text, own))
                    .toList();
            withDescribed = withDescribed.stream()
                    .filter(match -> !aboutOnly(match, text, context) && !ownOnly(match, text, own)).toList();
            bestProduct = ranked.isEmpty() ? 0 : ranked.get(0).score();
            bestLexical = ranked.isEmpty() ? 0 : ranked.get(0).lexical();
        }
        Builder answer = new Builder(heard, text, subject, ranked, faq, department);

        boolean personAsked = Cues.staffAsked(text) || Cues.PERSON_ASKED.matcher(text).find();
        if (personAsked && Cues.SERVICE_WORK.matcher(text).find() && !Cues.TALK_WITH.matcher(text).find()
                && (faqCosine >= FAQ_SERVICE || faqCosine >= FAQ_ASKED_BACK && faqLead >= FAQ_ALONE)) {
            // someone asked for to do the store's work, which a FAQ entry answers: "does anybody here teach piano",
            // "can somebody come out and fix my piano" (the lessons, the tuning)
            return answer.as(Intent.FAQ, faqScore);
        }
        if (personAsked) {
            return answer.as(Intent.CALL_STAFF, 1);
        }
        if (Cues.SERVICE_ASKED.matcher(text).find()) {
            // what the store's people do, which a FAQ entry may answer ("can someone check my water" and the free
            // water testing); one less close is asked back, and with none close a person is called to do it
            if (faqCosine >= FAQ_SERVICE || faqCosine >= FAQ_ASKED_BACK && faqLead >= FAQ_ALONE) {
                return answer.as(Intent.FAQ, faqScore);
            }
            return faqCosine >= FAQ_ASKED_BACK ? answer.products(List.of()).as(Intent.CLARIFY, faqCosine)
                    : answer.as(Intent.CALL_STAFF, 1);
        }
        Interpretation.Contact contact = contact(text);
        if (contact != Interpretation.Contact.NONE && bestLexical < 0.9) {
            return answer.contact(contact).as(Intent.STORE_CONTACT, 0.9);
        }
        boolean asksHours = Cues.asksHours(text) || Cues.HOLIDAY.matcher(text).find() && text.contains("open");
        if (asksHours && (bestProduct < 0.75 || bestLexical < 0.9) && faqCosine < FAQ_CERTAIN) {
            DayRequest day = DayRequest.parse(text, LocalDate.now(clock));
            return answer.products(List.of()).day(day).as(Intent.STORE_HOURS, 0.9);
        }
        if (Cues.DEPARTMENT_LIST.matcher(text).find()) {
            return answer.as(Intent.DEPARTMENT_LOCATION, 0.9);
        }
        Optional<ProductMatch> first = ranked.stream().findFirst();
        // what the last clause asks of the product; a last clause that asks nothing ("how much is, uh, the waffle
        // maker, the one for waffles") names the thing, and the turn says what is asked of it
        String asking = QueryText.normalize(lastClause(heard));
        Intent productIntent = productIntent(asksPriceStockOrPlace(asking) ? asking : text);
        // A product named whole and its price or stock asked: "how much is the camera" in a store with a Cameras
        // department, "how much are the nail clippers" beside a FAQ entry on nail trims. A department has no price or
        // stock, and a FAQ entry sharing the product's words answers another question; the product (or the choice
        // between the products of that name) does. Its place may still be the department's ("where is the paint").
        boolean priceOrStockOfNamed = first.map(ProductMatch::named).orElse(false)
                && (productIntent == Intent.PRODUCT_PRICE || productIntent == Intent.PRODUCT_STOCK);
        // a kind of goods the store keeps a department of, asked where whole ("where are the art supplies", "where's
        // the knitting stuff"): its place, before a FAQ entry on the same words (knitting classes) that says none
        Optional<String> goods = department.isEmpty() && productIntent == Intent.PRODUCT_LOCATION
                && (Cues.LOCATION.matcher(text).find() || text.startsWith("wheres ")) ? goodsDepartment(text, subject)
                : Optional.empty();
        if (goods.isPresent()) {
            return answer.department(goods).as(Intent.DEPARTMENT_LOCATION, 0.9);
        }
        if (faqCosine >= FAQ_CERTAIN && !priceOrStockOfNamed) {
            return answer.as(Intent.FAQ, faqScore);
        }
        // A department named and nothing else ("where is the dairy aisle") is asked before a FAQ entry whose answer
        // merely mentions it
        boolean onlyDepartment = department.isPresent() && bestProduct < 0.75
                && new HashSet<>(QueryText.contentTokens(department.get()))
                        .equals(new HashSet<>(QueryText.contentTokens(subject)));
        if ((department.isPresent() && Cues.DEPARTMENT.matcher(text).find() || onlyDepartment)
                && !priceOrStockOfNamed) {
            return answer.as(Intent.DEPARTMENT_LOCATION, 0.9);
        }
        boolean namesAThing = NAMES_A_THING.matcher(text).find() && subject.split(" ").length <= 3
                && !DESCRIBES_A_NEED.matcher(text).find() && !Cues.SERVICE_FRAME.matcher(text).find()
                && own.isEmpty();
        // what a product is for, said far closer than any FAQ entry: "I want to watch birds far away at the park" is
        // the binoculars' purpose, not the parking's answer that shares "park"
        double bestPurpose = withDescribed.stream().mapToDouble(ProductMatch::purpose).max().orElse(0);
        boolean forAPurpose = !namesAThing && bestPurpose >= PURPOSE_SURE
                && bestPurpose - faqCosine >= FAQ_UNDER_PURPOSE;
        if (faqScore >= FAQ_THRESHOLD && faqScore > bestProduct + 0.05 && !forAPurpose && !priceOrStockOfNamed) {
            return answer.as(Intent.FAQ, faqScore);
        }
        boolean askedOfProduct = first.map(ProductMatch::named).orElse(false) && asksPriceStockOrPlace(text);
        if (faqCosine >= FAQ_PARAPHRASE && !subject.isEmpty() && !namesAThing && !askedOfProduct && !forAPurpose
                && faqCosine >= ranked.stream().mapToDouble(ProductMatch::cosine).max().orElse(0) + FAQ_OVER_PRODUCT) {
            return answer.as(Intent.FAQ, faqScore);
        }
        boolean slipOnly = first.map(match -> !match.exact() && match.cosine() < SLIP_COSINE).orElse(false);
        // The noun phrase asked about is in the clause that asks ("... husband suggested spaghetti, so where is the
        // pasta sauce"); a described need's words are no modifiers of what is needed ("something to dunk chips into"),
        // nor are those of a clause that describes a thing the store has ("the game where you pull the blocks out",
        // "candles but I have a cat"); "a class where my son can learn to paint" names no product and is read whole
        String clause = askingClause(shoppersWords);
        String naming = namingPart(clause);
        Set<String> namedWords = new HashSet<>(QueryText.contentTokens(naming));
        boolean namesAProduct = ranked.stream().anyMatch(match -> productWords(match.product()).stream()
                .anyMatch(namedWords::contains));
        List<String> said = NEED_CUE.matcher(text).find() || DESCRIBES_A_NEED.matcher(text).find() ? List.of()
                : QueryText.tokens(namesAProduct ? naming : clause);
        // a thing asked for by its own name, not said after a product the conversation holds
        List<String> thingAsked = productNamed.isEmpty()
                && ASKS_WHETHER_SOLD.matcher(QueryText.normalize(clause)).find()
                ? said : List.of();
        // a need said outright that one product's description answers clearly better than any other's, the product
        // whose name it seems to say included: "I need something to hold a really thick stack of papers together"
        // is the Binder Clips' purpose, not the Cardstock's "thick paper"
        List<String> turnWords = QueryText.tokens(text);
        List<ProductMatch> purposes = withDescribed.stream()
                .sorted(Comparator.comparingDouble(ProductMatch::purpose).reversed()).limit(2).toList();
        boolean purposeAhead = NEED_CUE.matcher(text).find() && first.isPresent() && !purposes.isEmpty()
                && bestProduct >= PRODUCT_THRESHOLD && bestLexical >= NAMED_LEXICAL
                && !saysANameInOrder(turnWords, first.get().product())
                && !purposes.get(0).product().equals(first.get().product())
                && purposes.get(0).purpose() >= PURPOSE_SURE
                && purposes.get(0).purpose() - first.get().purpose() >= PURPOSE_MARGIN
                && (purposes.size() < 2 || purposes.get(0).purpose() - purposes.get(1).purpose() >= PURPOSE_MARGIN);
        if (purposeAhead) {
            return answer.products(purposes.subList(0, 1)).fit(Interpretation.Fit.NEED)
                    .as(productIntent, purposes.get(0).purpose());
        }
        if (bestProduct >= PRODUCT_THRESHOLD && bestLexical >= NAMED_LEXICAL && !slipOnly) {
            List<String> lacking = Modifiers.missing(said, first.get().product());
            if (!lacking.isEmpty()) {
                // "matcha tea" and the store's tea is Black Tea: another product that has the modifier and the
                // words matched is what is asked; failing that, the nearest is offered as another thing, none of its
                // facts said
                // what the one asked must have: the modifiers and the word they are of
                Set<String> wanted = new HashSet<>(lacking);
                Modifiers.head(said, first.get().product()).ifPresent(wanted::add);
                Optional<ProductMatch> whole = ranked.stream().skip(1)
                        .filter(match -> match.score() >= PRODUCT_THRESHOLD && match.lexical() >= NAMED_LEXICAL
                                && match.exact() && Modifiers.missing(said, match.product()).isEmpty()
                                && Modifiers.words(match.product()).containsAll(wanted))
                        .findFirst();
                return whole.map(match -> answer.products(List.of(match)).as(productIntent, match.score()))
                        .orElseGet(() -> notThisProduct(answer, first.get(), faq, said));
            }
            if (Modifiers.namedOnlyByItsModifiers(thingAsked, first.get().product())) {
                // "license plates" and the store's License Plate Frame: another product that is the thing asked
                // for, else the frame offered as another thing, none of its facts said
                Optional<ProductMatch> thing = ranked.stream().skip(1)
                        .filter(match -> match.score() >= PRODUCT_THRESHOLD && match.lexical() >= NAMED_LEXICAL
                                && match.exact() && Modifiers.missing(said, match.product()).isEmpty()
                                && !Modifiers.namedOnlyByItsModifiers(thingAsked, match.product()))
                        .findFirst();
                return thing.map(match -> answer.products(List.of(match)).as(productIntent, match.score()))
                        .orElseGet(() -> notThisProduct(answer, first.get(), faq, said));
            }
            return answer.as(productIntent, bestProduct);
        }
        Set<String> asked = new HashSet<>(QueryText.contentTokens(text));
        List<ProductMatch> containing = asked.isEmpty() ? List.of() : ranked.stream()
                .filter(match -> match.exact() && productWords(match.product()).containsAll(asked))
                .toList();
        // products that hold the words only as what they are for (Tire Plug Kit, Tire Chains for "tires") are no
        // choice between the thing asked for: the store may not sell it
        List<ProductMatch> theThing = containing.stream()
                .filter(match -> !Modifiers.namedOnlyByItsModifiers(thingAsked, match.product())).toList();
        if (theThing.size() >= 2) {
            return answer.products(theThing).fit(Interpretation.Fit.CHOICE).as(productIntent, bestProduct);
        }
        if (containing.size() >= 2 && theThing.size() == 1) {
            return answer.products(theThing).as(productIntent, theThing.get(0).score());
        }
        if (containing.size() >= 2 && theThing.isEmpty()) {
            return instead(answer, containing.get(0));
        }
        double bestCosine = ranked.stream().mapToDouble(ProductMatch::cosine).max().orElse(0);
        if (faqCosine >= FAQ_PARAPHRASE && faqCosine >= bestCosine && !namesAThing && !subject.isEmpty()
                && !forAPurpose) {
            // No product named, and the question means what a FAQ entry's phrasing or answer says
            return answer.as(Intent.FAQ, faqScore);
        }
        boolean longTurn = heard.split("\\s+").length > LONG_TURN_WORDS;
        // the product named last first: a long turn tells its story before it asks ("... she mostly watches
        // videos, so I was thinking one of those laptops, how much are they" asks of no watch)
        List<String> turnTokens = QueryText.tokens(text);
        List<ProductMatch> namedInLong = ranked.stream().filter(match -> longTurn && match.named())
                .sorted(Comparator.comparingInt((ProductMatch match) -> lastMention(turnTokens, match.product()))
                        .reversed().thenComparing(Comparator.comparingDouble(ProductMatch::lexical).reversed()))
                .toList();
        if (!namedInLong.isEmpty()) {
            Optional<ProductMatch> ofTheKind = closerOfTheKind(namedInLong.get(0), ranked, turnTokens);
            if (ofTheKind.isPresent()) {
                // "... a camera in the nursery so she can check on him from her phone": the kind's word names the
                // product that has it as an alias, the rest of the turn says which of that kind is meant
                namedInLong = List.of(ofTheKind.get());
            }
            // A long question that names a product among many other words: "... so where would the hacksaws be"
            if (!Modifiers.missing(said, namedInLong.get(0).product()).isEmpty()) {
                return instead(answer, namedInLong.get(0));
            }
            return answer.products(namedInLong).as(productIntent, namedInLong.get(0).score());
        }
        boolean productCue = Cues.PRICE.matcher(text).find() || Cues.STOCK.matcher(text).find()
                || Cues.LOCATION.matcher(text).find();
        if (subject.isEmpty() && productCue) {
            // "how much is it?", "and where are they?": the conversation knows what "it" is
            return answer.products(List.of()).as(productIntent, 0.8);
        }
        if (Cues.GOODBYE.matcher(text).find()) {
            return simple(text, Intent.GOODBYE, 1);
        }
        if (Cues.HELP.matcher(text).find() && subject.isEmpty()) {
            return answer.as(Intent.CALL_STAFF, 0.8);
        }
        // "where's the hair dye" names a thing too, though a FAQ may still answer it ("where's the toilet"): a need
        // matched to it would say a shampoo's aisle for a dye the store does not sell
        boolean asksForAThing = namesAThing || text.startsWith("wheres ") && subject.split(" ").length <= 3;
        double needed = asksForAThing ? UNLISTED_NAME_COSINE : NEED_COSINE;
        List<ProductMatch> needs = ranked.stream()
                .filter(match -> match.cosine() >= needed)
                .sorted(Comparator.comparingDouble(ProductMatch::cosine).reversed())
                .toList();
        if (!needs.isEmpty() && !subject.isEmpty()) {
            boolean unsure = needs.size() >= 2 && needs.get(0).cosine() < NEED_SURE
                    && needs.get(0).cosine() - needs.get(1).cosine() < NEED_TIE;
            if (unsure) {
                List<ProductMatch> tied = needs.stream()
                        .filter(match -> needs.get(0).cosine() - match.cosine() < NEED_TIE).toList();
                return answer.products(tied).fit(Interpretation.Fit.CHOICE).as(productIntent, needs.get(0).cosine());
            }
            if (asksForAThing && !Modifiers.missing(said, needs.get(0).product()).isEmpty()) {
                // a thing named, not a need: "do you sell X Y" with only a Y of another kind in the store
                return instead(answer, needs.get(0));
            }
            ProductMatch top = needs.get(0);
            // close as a whole but not by what it is for: the match is the name's or the department's words, a
            // guess to name back as a question, none of its facts said
            // (alone: with runners-up beside it the shopper hears each with its place and chooses)
            boolean alone = needs.size() == 1 || top.cosine() - needs.get(1).cosine() >= NEED_MARGIN;
            // (never a product the shopper named: "grab a tuner real quick" said the tuner's alias)
            boolean guess = alone && !top.named() && top.purpose() > 0
                    && top.purpose() < top.cosine() - PURPOSE_UNDER_DOCUMENT;
            return answer.products(needs).fit(guess ? Interpretation.Fit.GUESS : Interpretation.Fit.NEED)
                    .as(productIntent, top.cosine());
        }
        if (!asksForAThing && !subject.isEmpty()) {
            List<ProductMatch> byPurpose = withDescribed.stream()
                    .sorted(Comparator.comparingDouble(ProductMatch::purpose).reversed()).limit(2).toList();
            if (!byPurpose.isEmpty() && byPurpose.get(0).purpose() >= PURPOSE_SURE && byPurpose.get(0).purpose()
                    - (byPurpose.size() > 1 ? byPurpose.get(1).purpose() : 0) >= PURPOSE_MARGIN) {
                return answer.products(byPurpose.subList(0, 1)).fit(Interpretation.Fit.NEED)
                        .as(productIntent, byPurpose.get(0).purpose());
            }
            if (byPurpose.size() == 2 && byPurpose.get(1).purpose() >= PURPOSE_SURE) {
                // two products both described as doing it, neither clearly ahead ("my heater blows cold air": the
                // thermostat and the air conditioning recharge): asked which, rather than said not sold
                return answer.products(byPurpose).fit(Interpretation.Fit.CHOICE)
                        .as(productIntent, byPurpose.get(0).purpose());
            }
        }
        if (!asksForAThing && !subject.isEmpty() && faqCosine >= FAQ_ASKED_BACK
                && !ASKS_WHETHER_THERE.matcher(text).find()) {
            return faqLead >= FAQ_ALONE ? answer.as(Intent.FAQ, faqScore)
                    : answer.products(List.of()).as(Intent.CLARIFY, faqCosine);
        }
        Optional<FaqEntry> sayingIt = subject.isEmpty() ? Optional.empty() : faqSaying(subject);
        if (sayingIt.isPresent()) {
            // what the store's own FAQ names in the shopper's very words, not a thing it sells: "how much do you
            // charge for a guitar setup" and the repairs entry's "a full guitar setup … is 65 dollars"
            return answer.faq(sayingIt.get()).as(Intent.FAQ, FAQ_THRESHOLD);
        }
        if (!subject.isEmpty()) {
            return answer.as(Intent.NOT_FOUND, 1 - bestProduct);
        }
        return simple(text, Intent.NOT_UNDERSTOOD, 0);
    }

    /**
     * The one FAQ entry whose phrasings or answer say the subject's last content words, two or more, one after the
     * other (the noun phrase ends a subject: "charge guitar setup"), the most of them any entry says; empty when none
     * or several do.
     */
    private Optional<FaqEntry> faqSaying(String subject) {
        List<String> words = QueryText.contentTokens(subject);
        // only words the catalog never uses are dropped from the front ("charge"): a product's word is what is asked
        // ("are there any pressure two years left" is the free decoder's slip for pressure cookers)
        for (int from = 0; words.size() - from >= 2 && (from == 0 || !products.knows(words.get(from - 1)));
             from++) {
            List<String> tail = words.subList(from, words.size());
            List<FaqEntry> saying = knowledge.faqs().stream()
                    .filter(entry -> says(entry, tail)).toList();
            if (!saying.isEmpty()) {
                return saying.size() == 1 ? Optional.of(saying.get(0)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The product the shopper's words named is not what they ask ("used oil filters" dropped off, not the store's
     * Oil Filter): a FAQ entry as close to the question as the product is what it means; else the product is offered
     * as another thing ({@link #instead}).
     */
    /**
     * The thing asked for is not the nearest product: a FAQ entry as close, that speaks of the thing asked ("do you
     * sell gift cards"), answers; else the product is offered as another thing. An entry that does not say the thing's
     * word is only near in form ("do you sell laptops" and "gift cards are sold at every register").
     */
    private static Interpretation notThisProduct(Builder answer, ProductMatch nearest,
                                                 Optional<FaqMatcher.FaqMatch> faq, List<String> said) {
        Optional<String> thing = Modifiers.head(said, nearest.product());
        boolean faqSaysIt = faq.filter(match -> match.cosine() >= FAQ_PARAPHRASE && match.cosine() >= nearest.cosine())
                .filter(match -> thing.isEmpty() || says(match.faq(), List.of(thing.get())))
                .isPresent();
        return faqSaysIt ? answer.as(Intent.FAQ, faq.get().score()) : instead(answer, nearest);
    }

    /** Whether one of the entry's phrasings or its answer says the (stemmed content) words, one after the other. */
    private static boolean says(FaqEntry entry, List<String> words) {
        return Stream.concat(entry.questions().stream(), Stream.of(entry.answer()))
                .anyMatch(said -> Collections.indexOfSubList(QueryText.contentTokens(said), words) >= 0);
    }

    /**
     * The shopper named a thing the store has only another kind of: not found, the nearest product carried as an
     * alternative to offer by name (its aisle, price or stock are not the answer to what was asked).
     */
    private static Interpretation instead(Builder answer, ProductMatch nearest) {
        return answer.products(List.of(nearest)).fit(Interpretation.Fit.ALTERNATIVE)
                .as(Intent.NOT_FOUND, 1 - nearest.score());
    }

    /**
     * The clause that asks, in a turn of any length: "my little one is starting solid food, what do you have for
     * babies" asks of babies' things, whatever food it spoke of before.
     */
    static String askingClause(String heard) {
        String[] clauses = heard.split("[,;.!?]|\\bso\\b");
        for (int i = clauses.length - 1; i >= 0; i--) {
            if (clauses[i].strip().split("\\s+").length >= 3) {
                return clauses[i];
            }
        }
        return heard;
    }

    /**
     * The part of a clause that names the thing, before a clause that describes it: "the game where you pull the
     * blocks out" names a game, "candles but I have a cat" names candles. A question word at the start ("where is
     * the tape") is no such clause.
     */
    static String namingPart(String clause) {
        java.util.regex.Matcher describing = DESCRIBING_CLAUSE.matcher(clause);
        while (describing.find()) {
            String before = clause.substring(0, describing.start());
            if (!QueryText.contentTokens(before).isEmpty()) {
                return before;
            }
        }
        return clause;
    }

    /**
     * The FAQ entry closest to the whole turn or to the clause that asks, whichever is closer: "the milk I bought
     * yesterday was sour, can I get a refund" asks for a refund, which the returns entry answers, while the whole turn
     * is closer to the bottle return (milk comes in bottles). A clause without a word of its own ("can you do that")
     * says nothing by itself.
     */
    private Optional<FaqMatcher.FaqMatch> faqInWholeOrClause(String text, String shoppersWords) {
        Optional<FaqMatcher.FaqMatch> whole = faqs.best(text);
        String clause = QueryText.normalize(askingClause(shoppersWords));
        if (clause.equals(text) || clause.isBlank() || QueryText.contentTokens(clause).isEmpty()) {
            return whole;
        }
        Optional<FaqMatcher.FaqMatch> asked = faqs.best(clause);
        double wholeScore = whole.map(FaqMatcher.FaqMatch::score).orElse(0.0);
        return asked.filter(match -> match.score() > wholeScore).or(() -> whole);
    }

    /**
     * The part of a long, rambling turn that asks: "... the store near my office didn't have it, so where is the
     * contact lens solution" asks where, whatever "ran out" said before.
     */
    static String lastClause(String heard) {
        if (heard.split("\\s+").length <= LONG_TURN_WORDS) {
            return heard;
        }
        String[] clauses = heard.split("[,;.!?]|\\bso\\b");
        for (int i = clauses.length - 1; i >= 0; i--) {
            if (clauses[i].strip().split("\\s+").length >= 3) {
                // with the short fragments after it: "..., the camera for my biking, price?" asks the price
                return String.join(", ", java.util.Arrays.copyOfRange(clauses, i, clauses.length));
            }
        }
        return heard;
    }

    /** Whether a (normalized) question says what it asks of a product: its price, stock or place. */
    public static boolean asksPriceStockOrPlace(String normalized) {
        return Cues.PRICE.matcher(normalized).find() || Cues.STOCK.matcher(normalized).find()
                || Cues.STOCK_ONLY.matcher(normalized).find() || Cues.LOCATION.matcher(normalized).find();
    }

    /**
     * The words a described need is about (stemmed): in a turn that describes a need, the nouns after "my" and after a
     * preposition following the need's cue ("what can I put in my coffee", "something to put on top of the cake").
     * Empty when the turn describes no need.
     */
    static Set<String> needObjects(String normalized) {
        java.util.regex.Matcher cue = NEED_CUE.matcher(normalized);
        if (!cue.find()) {
            return Set.of();
        }
        Set<String> about = new HashSet<>();
        java.util.regex.Matcher object = NEED_OBJECT.matcher(normalized);
        while (object.find()) {
            boolean possessive = object.group().startsWith("my ") || object.group().startsWith("our ");
            if (possessive || object.start() >= cue.start()) {
                about.addAll(QueryText.contentTokens(object.group(1)));
            }
        }
        return about;
    }

    /**
     * "connect my microphone to the mixer", "plug my guitar into my amp": two things the shopper has, to be joined;
     * the need is what joins them (a cable), not either of them.
     */
    private static final Pattern CONNECTS = Pattern.compile("\\b(?:connect|plug|hook|attach|link|wire|run)(?: up)?"
            + " (?:my|our|his|her|their|the|a|an) ((?:[a-z]+ ){0,2}?[a-z]+) (?:into|to|in to|up to|with|and)"
            + " (?:my|our|his|her|their|the|a|an) ((?:[a-z]+ ){0,2}?[a-z]+)\\b");

    /** The two things a turn asks to join ({@link #CONNECTS}), stemmed; empty when it joins none. */
    static Set<String> connectedThings(String normalized) {
        Set<String> things = new HashSet<>();
        java.util.regex.Matcher joined = CONNECTS.matcher(normalized);
        while (joined.find()) {
            things.addAll(QueryText.contentTokens(joined.group(1)));
            things.addAll(QueryText.contentTokens(joined.group(2)));
        }
        return things;
    }

    /**
     * What a thing is for, when the shopper names the thing and then what it is for: "ram for laptops", "a strap for
     * my camera" (stemmed, the words after "for"). A product named only by those words is what the thing is for, not
     * the thing: it is filtered like a need's object, and the thing itself, if the store lacks it, is not found. Only
     * when a word that may be a noun stands before "for": not the frame ("looking for", "something for"), a verb
     * ("shopping for", "made for") or a grading word ("good for"). Nouns end in "-ing" too ("strings for ukuleles").
     */
    static Set<String> purposeObjects(String normalized) {
        Set<String> about = new HashSet<>();
        java.util.regex.Matcher purpose = PURPOSE.matcher(normalized);
        while (purpose.find()) {
            String thing = QueryText.stem(purpose.group(1));
            if (QueryText.FRAME_WORDS.contains(thing) || NOT_A_THING_BEFORE_FOR.contains(thing) || thing.length() < 3
                    || Modifiers.grading(thing)) {
                continue;
            }
            about.addAll(QueryText.contentTokens(purpose.group(2)));
        }
        return about;
    }

    /**
     * The shopper's own things that the question acts on ({@link Cues#OWN_THING}, stemmed): "can you hang my tv on the
     * wall" asks the store to mount a TV, not where its TV Wall Mount is. A product named only by them is filtered like
     * a need's object, named whole or in part; one sharing more of the question's words stays.
     */
    static Set<String> ownThings(String normalized) {
        Set<String> own = new HashSet<>();
        java.util.regex.Matcher act = Cues.OWN_THING.matcher(normalized);
        while (act.find()) {
            own.addAll(QueryText.contentTokens(act.group("thing")));
        }
        return own;
    }

    /**
     * True when the product is named whole by the words the need is about, and by nothing else: it is the thing the
     * need is about (the Birthday Cake for "on top of the cake"), while a product named after it and more ("Denture
     * Adhesive" for "my dentures") may well be what is needed.
     */
    private static boolean aboutOnly(ProductMatch match, String normalized, Set<String> about) {
        if (!match.named()) {
            return false;
        }
        Set<String> shared = new HashSet<>(QueryText.contentTokens(normalized));
        shared.retainAll(productWords(match.product()));
        return !shared.isEmpty() && about.containsAll(shared);
    }

    /** True when every word the product shares with the question names the shopper's own thing. */
    private static boolean ownOnly(ProductMatch match, String normalized, Set<String> own) {
        Set<String> shared = new HashSet<>(QueryText.contentTokens(normalized));
        shared.retainAll(productWords(match.product()));
        return !shared.isEmpty() && own.containsAll(shared);
    }

    /** Price, stock or place, from the whole question: "do you still have X" and "any X left" ask for stock. */
    public static Intent productIntent(String text) {
        if (Cues.PRICE.matcher(text).find()) {
            return Intent.PRODUCT_PRICE;
        }
        if (Cues.STOCK_ONLY.matcher(text).find() || Cues.STOCK.matcher(text).find()
                && !Cues.LOCATION.matcher(text).find() && !Cues.WHAT_YOU_HAVE.matcher(text).find()) {
            return Intent.PRODUCT_STOCK;
        }
        return Intent.PRODUCT_LOCATION;
    }

    /**
     * Another product with every word by which {@code named} was named (the kind's word, "camera"), whose meaning is
     * clearly closer to the whole turn ({@link #KIND_BY_MEANING} above it, and at least {@link #NEED_SURE}): the one
     * of that kind the turn describes. Empty when none is.
     */
    private static Optional<ProductMatch> closerOfTheKind(ProductMatch named, List<ProductMatch> ranked,
                                                          List<String> turnTokens) {
        Set<String> namedBy = new HashSet<>(productWords(named.product()));
        namedBy.retainAll(turnTokens);
        return ranked.stream()
                .filter(match -> match != named && !namedBy.isEmpty()
                        && productWords(match.product()).containsAll(namedBy)
                        && match.cosine() >= NEED_SURE && match.cosine() >= named.cosine() + KIND_BY_MEANING)
                .max(Comparator.comparingDouble(ProductMatch::cosine));
    }

    /** Where the question last says one of the product's name or alias words (-1: nowhere). */
    static int lastMention(List<String> turnTokens, Product product) {
        Set<String> words = productWords(product);
        for (int i = turnTokens.size() - 1; i >= 0; i--) {
            if (words.contains(turnTokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> productWords(Product product) {
        return QueryText.contentWordsOf(product.names());
    }

    private static Interpretation.Contact contact(String text) {
        boolean phone = Cues.PHONE.matcher(text).find();
        boolean address = Cues.ADDRESS.matcher(text).find();
        return phone && address ? Interpretation.Contact.BOTH : phone ? Interpretation.Contact.PHONE
                : address ? Interpretation.Contact.ADDRESS : Interpretation.Contact.NONE;
    }

    private Interpretation simple(String text, Intent intent, double confidence) {
        return new Interpretation(text, intent, "", List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                confidence, Interpretation.Fit.NAMED, Interpretation.Contact.NONE, ShopperWords.Concern.NONE);
    }

    /** The shopper's content words, unstemmed, in order: what to name when the store does not have it. */
    static String subject(String normalized) {
        List<String> words = java.util.Arrays.stream(normalized.split(" ")).filter(word -> !word.isEmpty()).toList();
        return java.util.stream.IntStream.range(0, words.size())
                .filter(at -> !QueryText.frames(words, at))
                .mapToObj(words::get)
                .collect(Collectors.joining(" "));
    }

    /**
     * Whether the words say one of the product's names or aliases in order, word after word ("a big pack of water
     * bottles" says "water"; "a thick stack of papers" does not say "thick paper").
     */
    private static boolean saysANameInOrder(List<String> words, Product product) {
        return product.names().stream().map(QueryText::tokens)
                .anyMatch(name -> !name.isEmpty() && Collections.indexOfSubList(words, name) >= 0);
    }

    private Optional<String> department(String text) {
        List<String> asked = QueryText.tokens(text);
        return knowledge.departments().keySet().stream()
                .filter(name -> {
                    List<String> tokens = QueryText.contentTokens(name);
                    return !tokens.isEmpty() && asked.containsAll(tokens);
                })
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    /**
     * The one department whose name holds every word of a kind of goods asked for whole ("art supplies" beside "Art
     * and Drafting", "the baby stuff" beside "Baby"); empty for a kind in no department's name or in several, and for
     * one a word of the store's own name makes all of it ("office supplies" in an office supply store).
     */
    private Optional<String> goodsDepartment(String text, String subject) {
        Matcher goods = KIND_OF_GOODS.matcher(text);
        if (!goods.find()) {
            return Optional.empty();
        }
        List<String> kind = QueryText.contentTokens(goods.group(1));
        // the kind is all the turn asks for ("stuff" and "things" frame a question, so the subject may lack them)
        Set<String> goodsWords = new HashSet<>(kind);
        goodsWords.addAll(QueryText.tokens(goods.group(2)));
        if (kind.isEmpty() || !goodsWords.containsAll(QueryText.contentTokens(subject))
                || !Collections.disjoint(kind, QueryText.contentTokens(knowledge.name()))) {
            return Optional.empty();
        }
        List<String> holding = knowledge.departments().keySet().stream()
                .filter(name -> QueryText.contentTokens(name).containsAll(kind)).toList();
        return holding.size() == 1 ? Optional.of(holding.get(0)) : Optional.empty();
    }

    /** The parts of an interpretation that most answers share, so each branch names only what differs. */
    private final class Builder {
        private final String heard;
        private final String text;
        private final String subject;
        private List<ProductMatch> products;
        private Optional<FaqMatcher.FaqMatch> faq;
        private Optional<String> department;
        private Optional<DayRequest> day = Optional.empty();
        private Interpretation.Fit fit = Interpretation.Fit.NAMED;
        private Interpretation.Contact contact = Interpretation.Contact.NONE;

        Builder(String heard, String text, String subject, List<ProductMatch> products,
                Optional<FaqMatcher.FaqMatch> faq, Optional<String> department) {
            this.heard = heard;
            this.text = text;
            this.subject = subject;
            this.products = products;
            this.faq = faq;
            this.department = department;
        }

        Builder products(List<ProductMatch> matches) {
            this.products = matches;
            return this;
        }

        /** The entry answered, found by its words rather than the matcher's nearest. */
        Builder faq(FaqEntry entry) {
            this.faq = Optional.of(new FaqMatcher.FaqMatch(entry, FAQ_THRESHOLD, FAQ_THRESHOLD,
                    entry.questions().isEmpty() ? entry.answer() : entry.questions().get(0), 0));
            return this;
        }

        Builder department(Optional<String> name) {
            this.department = name;
            return this;
        }

        Builder day(DayRequest request) {
            this.day = Optional.of(request);
            return this;
        }

        Builder fit(Interpretation.Fit how) {
            this.fit = how;
            return this;
        }

        Builder contact(Interpretation.Contact asked) {
            this.contact = asked;
            return this;
        }

        Interpretation as(Intent intent, double confidence) {
            return new Interpretation(text, intent, subject, products, faq, department, day, confidence, fit,
                    contact, ShopperWords.Concern.NONE);
        }
    }
}
