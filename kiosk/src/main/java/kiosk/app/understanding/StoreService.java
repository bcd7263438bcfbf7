package kiosk.app.understanding;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The services stores commonly offer, each as a store writes it in its FAQ and as shoppers ask for it. A store
 * writes "do you deliver?"; a shopper asks "can you bring it to my house?", and the sentence encoder does not put
 * the two close. A FAQ entry whose phrasings or answer say a service the store's way is also matched by the ways
 * shoppers ask for it ({@link FaqMatcher}); its answer is still the store's own, and a store that does not write of a
 * service is never matched by these phrasings.
 *
 * <p>The ways of asking are general retail English, not any store's wording; each names no product or fact. Only
 * services whose answer does not depend on the thing they are asked for are here: a store that repairs bikes does
 * not repair rackets, so "can you fix it" or "can you install it" would take a question to the wrong entry.
 */
enum StoreService {
    DELIVERY("\\bdeliver", List.of("can you bring it to my house", "will you drop it off at my home",
            "can you ship it to me", "can I have it sent to my address")),
    RETURNS("\\b(return|refund|exchange)", List.of("can I take this back", "can I get my money back",
            "can I bring this back if it doesn't work", "I want to swap this for another one")),
    WIFI("\\b(wi-?fi|internet)\\b", List.of("can I get online here", "can I connect my laptop to the internet",
            "is there a network I can use")),
    PAY_BY_PHONE("\\b(phone payments?|apple pay|google pay|contactless|tap to pay)\\b",
            List.of("can I pay with my phone", "can I pay with my watch", "can I tap my phone to pay")),
    PAYMENT("\\b(credit|debit|cash|checks?|cheques?)\\b", List.of("what can I pay with",
            "do you take cards", "can I pay by card")),
    RENTAL("\\brent(s|al|ing)?\\b", List.of("can I borrow one", "can I use one for the weekend",
            "do you lend them out")),
    LOYALTY("\\b(rewards?|loyalty|points|membership|member card)\\b", List.of("do I earn points when I shop",
            "is there a card that saves me money", "can I join a club for regulars")),
    SPECIAL_ORDER("\\b(special[- ]order|order (it|them|one|anything) in)\\b", List.of(
            "you don't have it, can you get it in for me", "can you order one for me",
            "it's not on the shelf, can you get it")),
    RESTROOM("\\b(restrooms?|toilets?|bathrooms?)\\b", List.of("I need to use the bathroom",
            "where is the ladies room", "where can I go to the toilet", "where's the loo")),
    PARKING("\\bpark(ing)?\\b", List.of("where do I leave my car", "is there somewhere to park")),
    GIFT_CARD("\\bgift ?cards?\\b", List.of("can I buy a voucher", "do you sell gift certificates",
            "can I give money on a card so they choose their own present")),
    PRICE_MATCH("\\bprice[- ]match", List.of("it's cheaper at another store", "will you match a lower price")),
    DISPOSAL("\\b(recycl|dispos)", List.of("where can I get rid of my old one", "what do I do with the old one",
            "can I throw my old one away here")),
    ASSEMBLY("\\bassembl", List.of("can you put it together for me", "can someone build it for me")),
    HOLD("\\b(hold|reserve|set aside|put aside|layaway)\\b", List.of("can you keep one for me",
            "can you put one aside until tomorrow")),
    DISCOUNT("\\b(discounts?|percent off|% off)\\b", List.of("do I get anything off", "is there a deal for me",
            "can I get money off")),
    IDENTIFICATION("\\b(photo id|identification|\\bid\\b)", List.of("why do you need to see my license",
            "do I have to show my driver's license")),
    DRIVE_THRU("\\bdrive[- ]?(thru|through)\\b", List.of("can I pick it up without getting out of the car",
            "can I get it from my car")),
    CASH_BACK("\\b(atm|cash ?back|cash machine)\\b", List.of("can I get cash out", "where can I take out money")),
    GIFT_WRAP("\\bgift[- ]?wrap", List.of("can you wrap it for me", "can you wrap a present")),
    PICKUP("\\b(order online|pick (it |them )?up in store|click and collect|curbside)\\b", List.of(
            "can I buy it on the website and collect it here", "can I order ahead and just grab it")),
    WARRANTY("\\b(warrant(y|ies)|guarantee|protection plans?)", List.of("what if it breaks after I buy it",
            "is it covered if it stops working", "can I buy extra cover in case it breaks")),
    EVENTS("\\b(game nights?|events?|meetups?|meet-ups?|club nights?|story ?times?|tournaments?|open gaming)\\b",
            List.of("is there a night when people get together here", "do you hold get-togethers in the store",
            "when do people meet up here")),
    TRY_BEFORE_BUYING("\\b(demo (shelf|units?|models?|tables?)|testers?|display models?|try (any|it|them|one) )",
            List.of("can I try it before I buy it", "is there one I can test first", "can I see it working")),
    REGISTRY("\\bregistr(y|ies)\\b", List.of("can I make a list of gifts I'd like for my wedding",
            "can I put together a wish list for my baby shower", "can my guests buy from a list I make")),
    PETS_ALLOWED("\\b(dogs?|pets?) (are )?(welcome|allowed)\\b", List.of("can I bring my dog in with me",
            "is my dog ok in the store")),
    MOBILITY("\\b(wheelchairs?|mobility|motori[sz]ed (cart|scooter)s?)\\b", List.of(
            "I can't walk far, is there something I can ride", "do you have a scooter I can use in the store")),
    BAGS("\\b(bags? (cost|are)|bring your own bag|reusable bags?)\\b", List.of("do I need to bring my own bag",
            "do you charge for a bag")),
    CARRY_OUT("\\b(load|carry (it|them)|help (you )?(carry|load))", List.of(
            "can someone help me get it in my car", "it's too heavy for me to lift"));

    private final Pattern written;
    private final List<String> asked;

    StoreService(String written, List<String> asked) {
        this.written = Pattern.compile(written, Pattern.CASE_INSENSITIVE);
        this.asked = asked;
    }

    /** Whether a store's FAQ text (a phrasing or an answer) speaks of this service. */
    boolean writtenIn(String text) {
        return written.matcher(text).find();
    }

    /** How shoppers ask for it, in their words. */
    List<String> asked() {
        return asked;
    }
}
