package kiosk.model.generate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * When to stop and how to choose: a token budget, a wall-clock budget, end-of-sequence tokens, stop strings (checked
 * on the decoded text), the sampling rule and its seed.
 */
public record GenerationOptions(int maxTokens, Duration timeBudget, Set<Long> endTokens, List<String> stopStrings,
                                Sampling sampling, long seed) {

    public GenerationOptions {
        endTokens = Set.copyOf(endTokens);
        stopStrings = List.copyOf(stopStrings);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("at least one token, not " + maxTokens);
        }
    }

    public static GenerationOptions greedy(int maxTokens, Set<Long> endTokens) {
        return new GenerationOptions(maxTokens, Duration.ofSeconds(30), endTokens, List.of(), Sampling.GREEDY, 0);
    }

    public GenerationOptions withTimeBudget(Duration budget) {
        return new GenerationOptions(maxTokens, budget, endTokens, stopStrings, sampling, seed);
    }

    public GenerationOptions withStopStrings(List<String> stops) {
        return new GenerationOptions(maxTokens, timeBudget, endTokens, stops, sampling, seed);
    }

    public GenerationOptions withSampling(Sampling rule, long randomSeed) {
        return new GenerationOptions(maxTokens, timeBudget, endTokens, stopStrings, rule, randomSeed);
    }
}
