package kiosk.app.voice;

import java.util.List;

/**
 * Phrases shoppers ask with, beside the store's own words, for the grammar decoder of store-biased recognition: the
 * words the understanding listens for (price, stock, hours, holidays, phone and address, a person, goodbye). Without
 * them the grammar decoder can only write a question word as a store word: "what's the price" became "watts the
 * price" (a light bulb's "watt"), "any iron pills left" became "acne …". Whole frames, not single words, so that the
 * grammar does not learn to explain any speech with a string of short words.
 */
final class ShopperPhrases {

    static final List<String> FRAMES = List.of(
            // price
            "what's the price of the", "what is the price of the", "price of the", "what does the", "cost",
            "how much does the", "how much do the", "how much", "how much are they", "is it on sale",
            // stock
            "do you still have", "do you still have the", "are there any", "is there any", "any left", "left",
            "sold out", "is the", "are the", "available", "have you got", "got any", "out of stock", "how many",
            // place
            "where would the", "where would i find", "which aisle", "what aisle", "where do i find", "i need",
            "i need something for", "i need something to", "something to", "something for", "what do i need",
            "what can i use", "what should i use", "what do you have for", "do you guys have",
            // the store itself
            "what's your phone number", "what's the phone number", "phone number", "your number", "call the store",
            "what's your address", "what is the address", "address", "where are you located", "what town",
            "what street", "are you open on", "what are your hours", "holiday hours", "on the holidays", "christmas",
            "christmas eve", "new year's eve", "new year's day", "thanksgiving", "easter", "fourth of july",
            "what time do you open on", "what time do you close on", "how late are you open",
            // a person, yes and no, goodbye
            "can i talk to", "i want to talk to", "the pharmacist", "a real person", "someone",
            "that's all", "that's all thanks", "see you", "okay", "great", "no thanks", "yes please");

    private ShopperPhrases() {
    }
}
