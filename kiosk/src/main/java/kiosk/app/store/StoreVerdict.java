package kiosk.app.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a store folder that was loaded may serve shoppers, decided the same way by {@code kioskctl check}, by a
 * reload and at start: a store that would lose products or FAQ entries in bulk is refused, so that the knowledge
 * serving now (or the last good copy) keeps serving. Refused are a store file that is missing, unreadable, not
 * UTF-8 text, cut off or header-only; more than {@code store.max_rejected_percent} of a file's rows rejected; and,
 * against the last good store of the same name, more than half of its products or FAQ entries gone at once (a
 * catalog truncated at a line end looks sound on its own). A store of another name (the demo store replaced by the
 * store's own) is not compared.
 */
public sealed interface StoreVerdict {

    /** The share of products or FAQ entries that may disappear in one reload before it is taken for an accident. */
    int MAX_SHRINK_PERCENT = 50;

    /** The knowledge may serve; {@code problems} (reported rows) do not stop it. */
    record Sound(StoreKnowledge knowledge) implements StoreVerdict {
    }

    /** The knowledge must not replace the serving one; each reason names the file and what is wrong. */
    record Refused(List<String> reasons) implements StoreVerdict {

        public Refused {
            reasons = List.copyOf(reasons);
        }

        /** The reasons in one line, for a reply or a log line. */
        public String summary() {
            return String.join("; ", reasons);
        }
    }

    /** The counts of the last store that served, to compare a new one with (kept beside its copy on disk). */
    record Counts(String storeName, int products, int faqEntries) {
    }

    /**
     * The verdict on {@code result}: {@code maxRejectedPercent} is the share of a file's rows that may be rejected,
     * {@code lastGood} the counts of the last store that served, if any.
     */
    static StoreVerdict judge(LoadResult result, int maxRejectedPercent, Optional<Counts> lastGood) {
        List<String> reasons = new ArrayList<>();
        for (FileTally tally : result.tallies()) {
            if (tally.unusable().isPresent()) {
                reasons.add(tally.unusable().get().toString());
            } else if (tally.rejected() * 100L > (long) maxRejectedPercent * tally.rows()) {
                reasons.add(tally.file() + ": " + tally.rejected() + " of " + tally.rows() + " rows rejected, more "
                        + "than the " + maxRejectedPercent + " % allowed (store.max_rejected_percent in kiosk.conf)");
            }
        }
        if (result.knowledge().isEmpty()) {
            if (reasons.isEmpty()) {
                result.problems().stream().reduce((first, second) -> second)
                        .ifPresent(last -> reasons.add(last.toString()));
            }
            return new Refused(reasons.isEmpty() ? List.of("no usable store knowledge") : reasons);
        }
        StoreKnowledge knowledge = result.knowledge().get();
        boolean sameStore = lastGood.map(counts -> counts.storeName().equals(knowledge.name())).orElse(false);
        lastGood.filter(counts -> reasons.isEmpty() && sameStore).ifPresent(counts -> {
            shrink("products", counts.products(), knowledge.products().size()).ifPresent(reasons::add);
            shrink("FAQ entries", counts.faqEntries(), knowledge.faqs().size()).ifPresent(reasons::add);
        });
        return reasons.isEmpty() ? new Sound(knowledge) : new Refused(reasons);
    }

    private static Optional<String> shrink(String what, int before, int after) {
        if ((long) (before - after) * 100 <= (long) MAX_SHRINK_PERCENT * before) {
            return Optional.empty();
        }
        return Optional.of("the store would go from " + before + " to " + after + " " + what + " (more than "
                + MAX_SHRINK_PERCENT + " % fewer than the last good store); if that is meant, remove "
                + "last-good-store in the state folder and reload");
    }
}
