package kiosk.app.understanding;

import java.util.regex.Pattern;

/** The words that say what kind of question it is, independent of what it is about. */
final class Cues {

    static final Pattern STAFF = Pattern.compile("\\b(someone|somebody|a person|real person|human|staff|team member"
            + "|employee|associate|manager|representative|call (a|an|some)|get (me )?(a|some) help|need help"
            + "|talk to|speak to|speak with|talk with)\\b");
    static final Pattern HELP = Pattern.compile("\\b(help|assist)\\b");
    static final Pattern HOURS = Pattern.compile("\\b(open|opens|opening|close|closes|closing|closed|hours"
            + "|what time|until when|how late)\\b");
    static final Pattern PRICE = Pattern.compile("\\b(how much|price|prices|priced|cost|costs|expensive|cheap"
            + "|charge|on sale)\\b");
    static final Pattern STOCK = Pattern.compile("\\b(in stock|have any|got any|available|any left|out of stock"
            + "|sold out|do you have|do you sell|do you carry|do you stock|have some|you have|any more)\\b");
    static final Pattern LOCATION = Pattern.compile("\\b(where|find|located|looking for|which aisle|what aisle"
            + "|get to)\\b");
    static final Pattern DEPARTMENT = Pattern.compile("\\b(section|department|area)\\b");
    static final Pattern GREETING = Pattern.compile("^(hi|hello|hey|hiya|good morning|good afternoon|good evening"
            + "|howdy)( there)?( kiosk)?$");
    static final Pattern GOODBYE = Pattern.compile("\\b(bye|goodbye|good bye|that is all|thats all|that will be all"
            + "|see you|have a nice day|im done|i am done|nothing else|no thank you|no thanks)\\b");
    static final Pattern THANKS = Pattern.compile("^(ok(ay)? )?(thank you|thanks|thank you very much|great thanks"
            + "|perfect thanks|cheers)( very much)?$");
    static final Pattern YES = Pattern.compile("^(yes|yeah|yep|yup|sure|please|yes please|ok|okay|sure thing"
            + "|that would be great|go ahead|yes call them|please do)\\b");
    static final Pattern NO = Pattern.compile("^(no|nope|nah|no thanks|no thank you|not now|im fine|i am fine)\\b");

    private Cues() {
    }
}
