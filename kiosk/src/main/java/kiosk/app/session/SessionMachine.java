package kiosk.app.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kiosk.app.session.SessionAction.Light;
import kiosk.app.session.SessionEvent.Answered;
import kiosk.app.session.SessionEvent.Heard;
import kiosk.app.session.SessionEvent.Partial;
import kiosk.app.session.SessionEvent.PresenceChanged;
import kiosk.app.session.SessionEvent.SpeechDone;
import kiosk.app.session.SessionEvent.StaffPressed;
import kiosk.app.session.SessionEvent.TalkPressed;
import kiosk.app.session.SessionEvent.TalkReleased;
import kiosk.app.session.SessionEvent.Tick;

/**
 * The kiosk's session as a pure state machine: events in, actions out, time passed in by the caller.
 *
 * <pre>
 * IDLE ─press─► LISTENING ─heard─► THINKING ─answered─► SPEAKING ─done─► FOLLOW_UP ─timeout/leave─► IDLE
 *   └─presence─► GREETING ─done─► FOLLOW_UP        SPEAKING ─press (barge-in)─► LISTENING
 * any state ─staff button─► SPEAKING (staff called)          FOLLOW_UP ─press─► LISTENING (same session)
 * </pre>
 * A goodbye answer ends the session when it has been spoken. No devices, no threads: tests feed a list of events
 * and read the actions.
 */
public final class SessionMachine {

    /** Where the session is; the display and lights follow from it. */
    public enum State { IDLE, GREETING, LISTENING, THINKING, SPEAKING, FOLLOW_UP }

    /** Timeouts and texts, normally from the kiosk configuration. */
    /** {@code callAfterMisses}: after this many turns in a row not caught, a team member is called. */
    public record Settings(String greeting, Duration followUpWindow, Duration maxUtterance, int callAfterMisses) {
        public static Settings defaults(String greeting) {
            return new Settings(greeting, Duration.ofSeconds(20), Duration.ofSeconds(15), 2);
        }
    }

    static final String NOT_HEARD = "Sorry, I didn't catch that. Could you say it again?";
    static final String STAFF_CALLED = "I've called a team member. They'll be with you shortly.";
    public static final String SORRY = "Sorry, something went wrong, please ask again.";

    private Settings settings;
    private int misses;
    private State state = State.IDLE;
    private long deadlineMillis = Long.MAX_VALUE;
    private boolean endAfterSpeech;
    private boolean listeningFinished;

    public SessionMachine(Settings settings) {
        this.settings = settings;
    }

    public State state() {
        return state;
    }

    /** New settings (after a reload) apply from the next deadline on; the turn in progress is not disturbed. */
    public void settings(Settings next) {
        this.settings = next;
    }

    /** Handles one event at {@code nowMillis} (any monotonic clock) and returns what to do, in order. */
    public List<SessionAction> handle(SessionEvent event, long nowMillis) {
        List<SessionAction> actions = new ArrayList<>();
        // Java 17 has no pattern switch; the sealed interface keeps this chain complete.
        if (event instanceof TalkPressed) {
            startListening(actions, nowMillis);
        } else if (event instanceof TalkReleased) {
            finishListening(actions);
        } else if (event instanceof StaffPressed) {
            callStaff(actions, "staff button");
        } else if (event instanceof PresenceChanged presence) {
            presence(presence.present(), actions);
        } else if (event instanceof Partial partial) {
            if (state == State.LISTENING) {
                actions.add(new SessionAction.Show("Listening…", partial.text(), Optional.empty()));
            }
        } else if (event instanceof Heard heard) {
            heard(heard.utterance(), actions);
        } else if (event instanceof Answered answered) {
            answered(answered, actions);
        } else if (event instanceof SpeechDone) {
            speechDone(actions, nowMillis);
        } else if (event instanceof Tick) {
            timeouts(actions, nowMillis);
        }
        // Fault: the loop logs it and retries the device; the conversation carries on by voice alone.
        return actions;
    }

    /**
     * The work of the turn in progress failed (recognition, understanding, synthesis, the speaker): whatever was going
     * on stops, the shopper hears an apology, and the session ends when it has been said, so the next press starts
     * afresh. The kiosk loop calls this; a fault is not an event a shopper or a device causes.
     */
    public List<SessionAction> recover() {
        List<SessionAction> actions = new ArrayList<>();
        if (state == State.SPEAKING || state == State.GREETING) {
            actions.add(new SessionAction.StopSpeaking());
        }
        speak(SORRY, Optional.empty(), actions);
        endAfterSpeech = true;
        deadlineMillis = Long.MAX_VALUE;
        return actions;
    }

    /**
     * A press the kiosk cannot answer (it has no store knowledge): instead of listening, a team member is called for
     * {@code reason}, the shopper hears {@code sentence}, and the session ends when it has been said. Presses while
     * it is being said change nothing (one call per shopper, not one per press). The kiosk loop calls this.
     */
    public List<SessionAction> callStaffInstead(String reason, String sentence) {
        List<SessionAction> actions = new ArrayList<>();
        if (state == State.SPEAKING && endAfterSpeech || state == State.LISTENING || state == State.THINKING) {
            return actions;
        }
        callStaff(actions, reason, sentence);
        endAfterSpeech = true;
        deadlineMillis = Long.MAX_VALUE;
        return actions;
    }

    /**
     * The shopper went on speaking after a question that ended early on a short silence (the kiosk is thinking about
     * it, saying its answer, or has just said it): the reply stops and the session listens again, to the words that
     * the listening already under way hears (no new listening is started: the rest is the same question's). Nothing
     * when the session has ended or is listening already. The kiosk loop calls this.
     */
    public List<SessionAction> resume(String heardSoFar, long nowMillis) {
        List<SessionAction> actions = new ArrayList<>();
        if (state != State.THINKING && state != State.SPEAKING && state != State.FOLLOW_UP) {
            return actions;
        }
        if (state == State.SPEAKING) {
            actions.add(new SessionAction.StopSpeaking());
        }
        state = State.LISTENING;
        listeningFinished = false;
        endAfterSpeech = false;
        deadlineMillis = nowMillis + settings.maxUtterance().toMillis();
        actions.add(new SessionAction.Lights(Light.ON, Light.OFF));
        actions.add(new SessionAction.Show("Listening…", heardSoFar, Optional.empty()));
        return actions;
    }

    private void startListening(List<SessionAction> actions, long nowMillis) {
        if (state == State.LISTENING || state == State.THINKING) {
            return;
        }
        if (state == State.SPEAKING || state == State.GREETING) {
            actions.add(new SessionAction.StopSpeaking());
        }
        state = State.LISTENING;
        listeningFinished = false;
        endAfterSpeech = false;
        deadlineMillis = nowMillis + settings.maxUtterance().toMillis();
        actions.add(new SessionAction.StartListening());
        actions.add(new SessionAction.Lights(Light.ON, Light.OFF));
        actions.add(new SessionAction.Show("Listening…", "", Optional.empty()));
    }

    private void finishListening(List<SessionAction> actions) {
        if (state == State.LISTENING && !listeningFinished) {
            listeningFinished = true;
            actions.add(new SessionAction.FinishListening());
        }
    }

    private void heard(Utterance heard, List<SessionAction> actions) {
        String text = heard.text();
        if (state != State.LISTENING) {
            return;
        }
        deadlineMillis = Long.MAX_VALUE;
        if (text.isBlank()) {
            misses++;
            if (misses >= settings.callAfterMisses()) {
                misses = 0;
                callStaff(actions, "the shopper was not understood " + settings.callAfterMisses() + " times");
            } else {
                speak(NOT_HEARD, Optional.empty(), actions);
            }
            return;
        }
        misses = 0;
        state = State.THINKING;
        actions.add(new SessionAction.Lights(Light.BLINK_SLOW, Light.OFF));
        actions.add(new SessionAction.Show("You asked:", text, Optional.empty()));
        actions.add(new SessionAction.Understand(heard));
    }

    private void answered(Answered answered, List<SessionAction> actions) {
        if (state != State.THINKING) {
            return;
        }
        if (answered.escalate()) {
            actions.add(new SessionAction.CallStaff("shopper asked: " + answered.answer()));
        }
        speak(answered.answer(), answered.aisle(), actions);
        if (answered.escalate()) {
            actions.add(new SessionAction.Lights(Light.OFF, Light.BLINK_FAST));
        }
        endAfterSpeech = answered.goodbye();
    }

    private void callStaff(List<SessionAction> actions, String reason) {
        callStaff(actions, reason, STAFF_CALLED);
    }

    private void callStaff(List<SessionAction> actions, String reason, String sentence) {
        if (state == State.SPEAKING || state == State.GREETING) {
            actions.add(new SessionAction.StopSpeaking());
        }
        actions.add(new SessionAction.CallStaff(reason));
        speak(sentence, Optional.empty(), actions);
        actions.add(new SessionAction.Lights(Light.OFF, Light.BLINK_FAST));
    }

    private void presence(boolean present, List<SessionAction> actions) {
        if (present && state == State.IDLE) {
            state = State.GREETING;
            actions.add(new SessionAction.Show(settings.greeting(), "Press the button and ask", Optional.empty()));
            actions.add(new SessionAction.Speak(settings.greeting()));
        } else if (!present && state == State.FOLLOW_UP) {
            endSession(actions);
        }
    }

    private void speechDone(List<SessionAction> actions, long nowMillis) {
        if (state != State.SPEAKING && state != State.GREETING) {
            return;
        }
        if (endAfterSpeech) {
            endSession(actions);
            return;
        }
        state = State.FOLLOW_UP;
        deadlineMillis = nowMillis + settings.followUpWindow().toMillis();
        actions.add(new SessionAction.Lights(Light.BLINK_SLOW, Light.OFF));
    }

    private void timeouts(List<SessionAction> actions, long nowMillis) {
        if (nowMillis < deadlineMillis) {
            return;
        }
        if (state == State.LISTENING) {
            deadlineMillis = Long.MAX_VALUE;
            finishListening(actions);
        } else if (state == State.FOLLOW_UP) {
            endSession(actions);
        }
    }

    private void speak(String text, Optional<String> aisle, List<SessionAction> actions) {
        state = State.SPEAKING;
        actions.add(new SessionAction.Lights(Light.OFF, Light.OFF));
        actions.add(new SessionAction.Show(text, "", aisle));
        actions.add(new SessionAction.Speak(text));
    }

    private void endSession(List<SessionAction> actions) {
        state = State.IDLE;
        misses = 0;
        deadlineMillis = Long.MAX_VALUE;
        endAfterSpeech = false;
        actions.add(new SessionAction.EndSession());
        actions.add(new SessionAction.Lights(Light.OFF, Light.OFF));
        actions.add(new SessionAction.Show(settings.greeting(), "Press the button and ask", Optional.empty()));
    }
}
