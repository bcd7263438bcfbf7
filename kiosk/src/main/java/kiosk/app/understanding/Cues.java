package kiosk.app.understanding;

import java.util.regex.Pattern;

/**
 * The phrases that say what kind of question it is, independent of what it is about. They are read against the
 * whole normalized question: "open" is an hours word in "are you open sunday" and not in "something to open a tin".
 */
final class Cues {

    /**
     * A role the shopper says they have, or someone of theirs has: "I just started as office manager", "my manager
     * wants", "I'm an employee at the school". Not a person asked for, whatever {@link #STAFF} would make of it.
     */
    private static final Pattern OWN_ROLE = Pattern.compile("\\b(as|im|i am|hes|shes|my|our|his|her)( an?| the)?"
            + "( \\w+)? (manager|employee|associate|representative)\\b");

    /** Whether a person of the store's is asked for: {@link #STAFF}, a role the shopper has aside. */
    static boolean staffAsked(String text) {
        return STAFF.matcher(OWN_ROLE.matcher(text).replaceAll(" ")).find();
    }

    static final Pattern STAFF = Pattern.compile("\\b(a person|real person|human|staff|team member"
            + "|employee|associate|manager|representative|call (a|an|some)|get (me )?(a|some) help|need help"
            + "|talk to|speak to|speak with|talk with|pharmacist|(anybody|anyone) (working|here|who)"
            // a child lost in the store: a person at once, whatever else the turn says
            + "|(lost|can't find|cannot find|cant find) my (kid|child|son|daughter|little boy|little girl|baby)"
            + "|wandered off|(please|can you|could you) get help)\\b");
    /**
     * A person of the store, as the object or subject of a request: "someone", or a worker named by a word a shopper
     * uses ("send a worker", "can a clerk help me"); a worker in a story ("gloves for a construction worker") is no
     * request, as it follows no verb that calls or asks.
     */
    private static final String PERSON = "(someone|somebody|anyone|anybody|(a|an|one of the|one of your|your|some)"
            + " (worker|clerk|salesperson|sales person|attendant|shop assistant|store assistant)s?)";
    /**
     * "someone" ({@link #PERSON}) asked for: the object of a verb that calls, gets or speaks to a person ("get me
     * somebody who knows cars", "talk to someone"), or asked to come, help or show ("can somebody come help me"), or
     * the whole request ("someone please"). "someone" in a story is no request ("I'm worried someone will steal my
     * rims").
     */
    static final Pattern PERSON_ASKED = Pattern.compile("\\b(talk|speak|page|call|get|need|want|send|grab|find"
            + "|fetch|ask|see)( to| with| for)?( me| us)?( over)? " + Cues.PERSON + "\\b"
            + "|\\b(can|could|will|would|may) " + Cues.PERSON + "( here| who works here| working here)?"
            + "( please)? (come|help|assist|show|talk|speak|answer|tell|explain|look|meet|give me a hand)\\b"
            + "|\\b(someone|somebody|anyone|anybody) (who works|working|from the staff|to help|to come|available"
            + "|around)\\b|\\b(someone|somebody)( please)?$|\\b(is there|is anyone|is anybody)"
            + " (someone|somebody|anyone|anybody)?\\b(?= (here|around|working|available))");
    /**
     * "can someone check my water", "will someone put my wipers on": a service asked of the store's people, which a
     * FAQ entry may say the store does; a person is called only when none is close.
     */
    /**
     * The work a store's people do for a shopper, asked of someone: "does anybody here teach piano", "can somebody
     * come out and fix that" (not a place named after it: "someone at the repair counter").
     */
    static final Pattern SERVICE_WORK = Pattern.compile("\\b(someone|somebody|anyone|anybody|one of you)\\b"
            + "[a-z ]{0,25}?\\b(teach|teaches|give lessons|fix|fixes|repair|repairs|tune|tunes|install|installs|deliver"
            + "|delivers|restring|restrings|engrave|engraves|sharpen|sharpens|laminate|laminates|shred|shreds|frame"
            + "|frames|alter|alters|hem|hems|wax|waxes|pierce|pierces|set up|sets up)\\b"
            + "(?! (a |the )?(counter|desk|shop|department|center|centre|area|station|bar)\\b)");
    /** A person asked for to talk with, whatever about: always a team member. */
    static final Pattern TALK_WITH = Pattern.compile("\\b(talk|speak|chat) (to|with)\\b");
    static final Pattern SERVICE_ASKED = Pattern.compile("\\b(can|could|will|would|does) (someone|somebody"
            + "|anyone|anybody)\\b"
            // a thing the shelf lacks, asked to be ordered for the shopper: "can you get one in for me"
            + "|\\b(can|could|would|will) (you|ya) (guys )?(order (it|one|them|some|that|this|those)|(get|bring) (it"
            + "|one|them|some|that|this|those) in)\\b");
    /**
     * "can I get my bike tuned up", "can I buy it online and grab it here": work done to what the shopper has, or a
     * way of buying, asked in the words that ask for a thing ("can I get a bike lock"). No thing is named; the store's
     * service is asked, which a FAQ entry may answer.
     */
    static final Pattern SERVICE_FRAME = Pattern.compile("\\b(get|have|had) (my|our|his|her|their|the|this|these"
            + "|those|it|them)( [a-z]+){0,2} (tuned|fixed|repaired|serviced|installed|fitted|mounted|replaced|changed"
            + "|checked|tested|washed|bathed|groomed|trimmed|clipped|cut|sharpened|strung|restrung|engraved"
            + "|assembled|put together|wrapped|delivered|shipped|set up|looked at|adjusted|aligned|cleaned)\\b"
            + "|\\b(buy|order|shop|purchase|pay)( it| them| something| things| stuff)? online\\b"
            + "|\\b(grab|pick|collect) (it|them)( up)? (here|in store|at the store)\\b");
    /**
     * The shopper's own thing acted on: what the store is asked to do to it ("can you hang my tv on the wall", "can you
     * bring a treadmill to my house") or what the shopper would do with it here ("where can I get rid of an old
     * printer", "can I borrow a pressure washer", "what do I do with my dead batteries"). The thing after the verb (its
     * group {@code thing}) is the shopper's, not one to buy: the store's service or policy is asked, which a FAQ entry
     * may answer. Only with an article or a possessive before the thing, so that "can you check if the drill is in
     * stock" and "can you bring me a ladder" name what is asked for.
     */
    static final Pattern OWN_THING = Pattern.compile("(?:\\b(?:can|could|will|would|do|does) (?:you|ya|you guys"
            + "|someone|somebody|anyone|anybody)(?: please)? (?:fix|repair|hang|mount|install|put|set up|deliver|bring"
            + "|move|transfer|clip|trim|sharpen|cut|grind|assemble|recycle|take back|take|swap|exchange|refill|haul"
            + "|load|test|check|look at)"
            + "|\\b(?:can|could|may|do|where (?:can|do|should|could)|how (?:can|do|should)) (?:i|we) (?:get rid of"
            + "|dispose of|throw away|throw out|dump|recycle|drop off|donate|trade in|return|bring back|take back"
            + "|exchange|borrow|rent|swap|leave)"
            + "|\\bwhat (?:do|should|can|could) (?:i|we) do with)"
            + " (?<thing>(?:my|our|his|her|their|this|these|those|the|a|an|an old|some|old|used|empty|dead) [a-z]+"
            + "(?: [a-z]+){0,4})");
    static final Pattern HELP = Pattern.compile("\\b(help|assist)\\b");
    static final Pattern HOURS = Pattern.compile("\\b(open|opens|opening|close|closes|closing|closed|hours"
            + "|what time|until when|how late|how early)\\b");
    /**
     * "open" and "close" as verbs with an object, or "open" said of a thing: a tool to open a tin, or candles without
     * open flames, is not an hours question.
     */
    static final Pattern OPEN_NOT_OF_THE_STORE = Pattern.compile(
            "\\b(to|can|could|would|help me|i|we) (open|close)\\b"
            + "|\\b(open|opens|close|closes|opening|closing) (a|an|my|the|these|those|them|it|up|jars?|cans?|tins?"
            + "|bottles?|boxe?s?|doors?|packages?|wounds?|cuts?)\\b"
            // "open" said of a thing, not of the store: after a word that makes it an adjective ("scared of open
            // flames", "half open bags"), or before a plural that is not a time ("open flames", "open boxes")
            + "|\\b(of|half|an|with|wide|partly|partially|semi) (open|closed)\\b"
            + "|\\b(open|closed) (?!(hours|days|nights|mornings|evenings|afternoons|weekends|weekdays|holidays"
            + "|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|christmas|always|thanks|this|is|was"
            + "|has|as|us|yes)\\b)[a-z]+s\\b");
    static final Pattern HOLIDAY = Pattern.compile("\\b(holiday|holidays|christmas|christmas eve|new years?"
            + "|new years? eve|new years? day|thanksgiving|easter|independence day|fourth of july|july fourth"
            + "|labor day|memorial day|boxing day|black friday|cyber monday)\\b");
    /**
     * "charge" asks a price only of the store ("what do you charge for"): "need to charge my stuff" is a need. "go
     * for" only at the end ("what do the bully sticks go for").
     */
    static final Pattern PRICE = Pattern.compile("\\b(how much|price|prices|priced|cost|costs|expensive|cheap"
            + "|(you|they|u) charge|charge for|on sale|go for$)\\b");
    static final Pattern STOCK = Pattern.compile("\\b(in stock|have any|got any|available|any left|out of stock"
            + "|sold out|do you have|do you sell|do you carry|do you stock|have some|you (guys |all )?have|any more)\\b");
    /** Stock asked outright: these win over a "where" in the same question. */
    static final Pattern STOCK_ONLY = Pattern.compile("\\b(still (even |really )?(have|got|carry|sell|stock)"
            + "|do you (even|actually|really) (have|sell|carry|stock)|left"
            + "|in stock|out of stock|sold out|run out|ran out|back in stock|restock|how many|plenty|available"
            + "|(is|are) there still|still (any|some|available|in stock)|on the shel(f|ves)"
            + "|got [a-z ]{1,30} in$)\\b|^(any|got any|is there any|are there any) ");
    /** "what do you have for babies": a question which product, answered with its place, not whether it is stocked. */
    static final Pattern WHAT_YOU_HAVE = Pattern.compile("\\b(what|which) (do|else do|would) you (have|sell|carry"
            + "|recommend|suggest)\\b|\\bwhat have you got\\b");
    static final Pattern LOCATION = Pattern.compile("\\b(where|wheres|find|located|looking for|which aisle|what aisle"
            + "|get to)\\b");
    static final Pattern DEPARTMENT = Pattern.compile("\\b(section|department|area)\\b");
    static final Pattern DEPARTMENT_LIST = Pattern.compile("\\b(what|which) (departments|sections|areas)\\b"
            + "|\\blist (of )?(the |your )?departments\\b");
    static final Pattern PHONE = Pattern.compile("\\b(phone number|telephone|your number|(store|shop|pharmacy)s?"
            + " (phone|number)|call (you|the store|this store|your store|the shop|the pharmacy)|ring you|phone you"
            + "|reach you|contact (you|the store|the pharmacy)|number to call|your phone|your fax|fax (you|number))\\b");
    static final Pattern ADDRESS = Pattern.compile("\\b("
            // the store's address, not the shopper's own ("a stamp with my return address") nor a thing for one
            // ("where would the address labels be")
            + "(?<!\\b(my|our|return|his|her|their) )address(?! (labels?|stamps?|books?|stickers?|plaques?|signs?)\\b)"
            + "|where are you( located| guys| based)?$"
            // "where exactly is the store, I'm driving over": the place asked, then why
            + "|where (exactly )?is (this|your) (store|shop|pharmacy)( located)?( exactly)?(?=$| (im|i am|were|we are) )"
            + "|where (exactly )?is the (store|shop)( located)?( exactly)?(?=$| (im|i am|were|we are) )"
            + "|your location|(?<!for )directions"
            + "|how do i get (there|here|to you|to (your|the|this) (store|shop|pharmacy))|what street|which street|(what|which) (town|city)|zip code|postcode)\\b");
    static final Pattern GREETING = Pattern.compile("^((hi|hello|hey|hiya|good morning|good afternoon|good evening"
            + "|howdy)( there)?( kiosk)?( how are you( doing)?( today)?| how(s| is) it going)?"
            + "|how are you( doing)?( today)?|how(s| is) it going)$");
    static final Pattern GOODBYE = Pattern.compile("\\b(bye|goodbye|good bye|that is all|thats all|that will be all"
            + "|see you|see ya|take care|have a (nice|good) (day|night|evening|one)|good ?night|im done|i am done|nothing else|no thank you|no thanks)\\b");
    static final Pattern THANKS = Pattern.compile("^(ok(ay)? |great |perfect )?(thank you|thanks|thank you very much"
            + "|great thanks|perfect thanks|cheers|thanks a lot|thanks so much|thank you so much|many thanks)"
            + "( very much| a lot| so much)?$"
            // praise is thanks too: "you've been very helpful", "that helps", "much appreciated"
            + "|^((ok(ay)? |great |perfect |wow )?(you (have |are )?|youve |youre )(been )?(very |so |really )?"
            + "(helpful|great|awesome|amazing|the best)|(that|this) (is |was )?(very |really |so )?helpful"
            + "|(that|this) helps( a lot)?|(i )?appreciate (it|that)|much appreciated)( thanks| thank you)?$");
    /** The words that thank or praise: one of them makes a short turn of {@link #THANKS_WORDS} thanks. */
    private static final java.util.Set<String> THANKING = java.util.Set.of("thanks", "thank", "thx", "cheers",
            "appreciate", "appreciated", "helpful", "helped");
    /**
     * Everything a thank-you is made of besides the thanks: fillers, praise, "for your help". A short turn of these
     * words only ("cool, thanks", "thanks, that was helpful", "thanks so much for your help") asks for nothing;
     * read word by word it named "help" (a call for a person) or was a thing the store does not sell.
     */
    private static final java.util.Set<String> THANKS_WORDS = java.util.Set.of("thanks", "thank", "thx", "cheers",
            "appreciate", "appreciated", "helpful", "helped", "helps", "you", "so", "very", "much", "a", "lot", "really",
            "ok", "okay", "cool", "great", "perfect", "awesome", "nice", "lovely", "brilliant", "excellent",
            "wonderful", "fantastic", "alright", "good", "that", "this", "was", "is", "it", "its",
            "thats", "been", "have", "youve", "for", "your", "the", "help", "info", "information",
            "again", "man", "buddy", "oh", "wow", "kind", "super", "most", "i", "sweet", "fine", "hey", "just",
            "what", "needed", "exactly");

    /** About the kiosk itself: answered with the store's greeting, which says what it is for. */
    static final Pattern ABOUT_KIOSK = Pattern.compile("^((who|what) are you|are you (a |an )?(robot|machine"
            + "|computer|human|person|real person|ai|bot)|what can you do|what do you do|how does this (work|thing work)"
            + "|what can i ask( you)?|what is this( thing)?)$");
    static final Pattern YES = Pattern.compile("^(yes|yeah|yep|yup|sure|please|yes please|ok|okay|sure thing"
            + "|that would be great|go ahead|yes call them|please do)\\b");
    static final Pattern NO = Pattern.compile("^(no|nope|nah|no thanks|no thank you|not now|im fine|i am fine)\\b");

    private Cues() {
    }

    /** A short turn that thanks or praises and asks nothing, word for word (see {@link #THANKS_WORDS}). */
    static boolean thanks(String text) {
        String[] words = text.split(" ");
        return words.length <= 8 && java.util.Arrays.stream(words).anyMatch(THANKING::contains)
                && java.util.Arrays.stream(words).allMatch(THANKS_WORDS::contains);
    }

    /** True when the question asks about opening hours rather than using "open" or "close" as a verb. */
    static boolean asksHours(String text) {
        String withoutVerbs = OPEN_NOT_OF_THE_STORE.matcher(text).replaceAll(" ");
        return HOURS.matcher(withoutVerbs).find();
    }
}
