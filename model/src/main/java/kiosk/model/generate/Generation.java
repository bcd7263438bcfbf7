package kiosk.model.generate;

import java.util.List;

/** What was generated, why it stopped, and how fast. */
public record Generation(List<Long> tokens, String text, Stop stop, double firstTokenMillis, double tokensPerSecond) {

    /** Why generation ended. */
    public enum Stop { END_TOKEN, STOP_STRING, TOKEN_BUDGET, TIME_BUDGET, CANCELLED }

    public Generation {
        tokens = List.copyOf(tokens);
    }
}
