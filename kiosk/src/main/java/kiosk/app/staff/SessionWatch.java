package kiosk.app.staff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import kiosk.app.config.KioskConfig;
import kiosk.app.dialogue.Reply;
import kiosk.app.journal.Outcome;
import kiosk.app.privacy.Redactor;

/**
 * Watches one shopper session for the moment a person should take over, and keeps the summary a team member reads:
 * what the shopper wanted, what the kiosk answered, what failed. Everything in the summary is redacted.
 * Used by one thread (the turn's).
 */
public final class SessionWatch {

    /** Matched against the words without punctuation: "doesn't" is "doesn t" there. */
    private static final Pattern FRUSTRATION = Pattern.compile("\\b(useless|pointless|waste of (my )?time|stupid"
            + "|not helping|doesn t help|does not help|you don t understand|not working|ridiculous|terrible)\\b");
    private static final double UNSURE = 0.5;

    private final KioskConfig.Staff settings;
    private final Redactor redactor;
    private final List<String> asked = new ArrayList<>();
    private final Set<String> questions = new HashSet<>();
    private int notCaughtInRow;
    private int notCaughtTotal;
    private int unsureInRow;
    private boolean called;

    public SessionWatch(KioskConfig.Staff settings, Redactor redactor) {
        this.settings = settings;
        this.redactor = redactor;
    }

    /**
     * Notes a finished turn; returns why a team member should come now, if so. {@code level} is the loudness of the
     * question in dBFS when it was spoken (empty when typed).
     */
    public Optional<Cause> after(Reply reply, OutcomeAndLevel turn) {
        Outcome outcome = turn.outcome();
        note(reply, outcome);
        String words = reply.heard().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d ]", " ").replaceAll("\\s+", " ")
                .strip();
        boolean repeated = !words.isEmpty() && !questions.add(words) && outcome != Outcome.ESCALATED;
        notCaughtInRow = outcome == Outcome.NOT_HEARD ? notCaughtInRow + 1 : 0;
        notCaughtTotal += outcome == Outcome.NOT_HEARD ? 1 : 0;
        boolean unsure = reply.confidence() < UNSURE && (outcome == Outcome.ANSWERED || outcome == Outcome.CLARIFIED
                || outcome == Outcome.NOT_FOUND);
        unsureInRow = unsure ? unsureInRow + 1 : 0;
        Optional<Cause> cause = reply.escalate() ? Optional.of(Cause.ASKED_FOR_PERSON)
                : FRUSTRATION.matcher(words).find() ? Optional.of(Cause.FRUSTRATED)
                : notCaughtInRow >= settings.callAfterMisses() ? Optional.of(Cause.NOT_CAUGHT)
                : turn.levelDbfs().isPresent() && turn.levelDbfs().getAsDouble() >= settings.loudDbfs()
                        ? Optional.of(Cause.RAISED_VOICE)
                : repeated ? Optional.of(Cause.REPEATED_QUESTION)
                : unsureInRow >= settings.callAfterUnsure() ? Optional.of(Cause.LOW_CONFIDENCE)
                : Optional.empty();
        if (cause.isPresent()) {
            notCaughtInRow = 0;
            unsureInRow = 0;
            called = true;
        }
        return cause;
    }

    /** The staff button was pressed in this session. */
    public void staffButton() {
        asked.add("pressed the staff button");
        called = true;
    }

    /** A press of the talk button the kiosk could not answer: it has no store knowledge (out of service). */
    public void outOfService() {
        asked.add("pressed the talk button while the kiosk was out of service");
        called = true;
    }

    /** Whether a team member was called in this session. */
    public boolean called() {
        return called;
    }

    private void note(Reply reply, Outcome outcome) {
        String subject = redactor.redactDerived(reply.slots().getOrDefault("product",
                reply.slots().getOrDefault("subject", "")), reply.heard());
        switch (outcome) {
            case ESCALATED -> asked.add("for a person");
            case NOT_FOUND -> asked.add("for " + subject + " (not in catalog)");
            case CLARIFIED -> asked.add("for a product the kiosk had to ask about");
            case NOT_HEARD -> { }
            case ANSWERED -> asked.add(subject.isEmpty() ? "about " + reply.intent().replace('_', ' ')
                    : "about " + subject + reply.aisle().map(aisle -> " (answered: aisle " + aisle + ")")
                    .orElse(" (answered)"));
        }
    }

    /** "Asked for a 3/4-inch PVC elbow (not in catalog), then for a person. Frustration: 2 turns not caught." */
    public String summary(Cause cause) {
        StringBuilder summary = new StringBuilder();
        if (!asked.isEmpty()) {
            String first = asked.get(0);
            summary.append(first.startsWith("pressed") ? "P" + first.substring(1) : "Asked " + first);
            for (String next : asked.subList(1, asked.size())) {
                summary.append(", then ").append(next);
            }
            summary.append(". ");
        }
        if (notCaughtTotal > 0) {
            summary.append("Frustration: ").append(notCaughtTotal).append(notCaughtTotal == 1 ? " turn" : " turns")
                    .append(" not caught. ");
        }
        summary.append("Called because: ").append(cause.label().replace('_', ' ')).append('.');
        return redactor.redact(summary.toString());
    }

    /** A turn's outcome and, for a spoken question, its loudness. */
    public record OutcomeAndLevel(Outcome outcome, OptionalDouble levelDbfs) {
    }
}
