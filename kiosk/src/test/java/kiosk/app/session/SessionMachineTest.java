package kiosk.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import kiosk.app.session.SessionAction.Light;
import kiosk.app.session.SessionMachine.State;
import kiosk.speech.Transcript;
import org.junit.jupiter.api.Test;

class SessionMachineTest {

    private final SessionMachine machine = new SessionMachine(
            new SessionMachine.Settings("Hi, how can I help?", Duration.ofSeconds(20), Duration.ofSeconds(15), 2));

    @Test
    void whatTheRecognizerHeardTravelsWithTheTextToTheUnderstanding() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        Transcript heard = new Transcript("where is the ice melt", List.of(), 0.98, Transcript.Source.GRAMMAR)
                .withRival(new Transcript("where's the milk", List.of(), 0.85, Transcript.Source.FREE));
        List<SessionAction> actions = machine.handle(new SessionEvent.Heard(Utterance.spoken(heard)), 1000);
        assertTrue(actions.contains(new SessionAction.Understand(new Utterance("where is the ice melt",
                Optional.of(heard)))), actions.toString());
        assertTrue(actions.contains(new SessionAction.Show("You asked:", "where is the ice melt", Optional.empty())));
    }

    @Test
    void aPressTheKioskCannotAnswerCallsStaffOnceWithTheSentenceAndEndsTheSession() {
        List<SessionAction> press = machine.callStaffInstead("out of service", "Sorry, I can't answer.");
        assertEquals(new SessionAction.CallStaff("out of service"), press.get(0));
        assertTrue(press.contains(new SessionAction.Speak("Sorry, I can't answer.")), press.toString());
        assertFalse(press.contains(new SessionAction.StartListening()), press.toString());
        assertEquals(State.SPEAKING, machine.state());
        assertTrue(machine.callStaffInstead("out of service", "Sorry, I can't answer.").isEmpty(),
                "pressing again while it is said calls nobody else");
        List<SessionAction> said = machine.handle(new SessionEvent.SpeechDone(), 2000);
        assertTrue(said.contains(new SessionAction.EndSession()), said.toString());
        assertEquals(State.IDLE, machine.state());
        assertEquals(new SessionAction.CallStaff("out of service"),
                machine.callStaffInstead("out of service", "Sorry, I can't answer.").get(0),
                "the next shopper's press");
    }

    @Test
    void aWholeTurnGoesFromPressToFollowUpAndBackToIdle() {
        List<SessionAction> press = machine.handle(new SessionEvent.TalkPressed(), 0);
        assertEquals(new SessionAction.StartListening(), press.get(0));
        assertTrue(press.contains(new SessionAction.Lights(Light.ON, Light.OFF)));
        assertEquals(State.LISTENING, machine.state());

        List<SessionAction> partial = machine.handle(new SessionEvent.Partial("where are"), 500);
        assertEquals(List.of(new SessionAction.Show("Listening…", "where are", Optional.empty())), partial);

        assertEquals(List.of(new SessionAction.FinishListening()), machine.handle(new SessionEvent.TalkReleased(), 1500));
        List<SessionAction> heard = machine.handle(new SessionEvent.Heard("where are the batteries"), 1600);
        assertTrue(heard.contains(new SessionAction.Understand("where are the batteries")));
        assertEquals(State.THINKING, machine.state());

        List<SessionAction> answered = machine.handle(
                new SessionEvent.Answered("Batteries are in aisle 12.", false, Optional.of("12"), false), 1700);
        assertTrue(answered.contains(new SessionAction.Speak("Batteries are in aisle 12.")));
        assertTrue(answered.contains(new SessionAction.Show("Batteries are in aisle 12.", "", Optional.of("12"))));
        assertEquals(State.SPEAKING, machine.state());

        machine.handle(new SessionEvent.SpeechDone(), 3000);
        assertEquals(State.FOLLOW_UP, machine.state());
        assertTrue(machine.handle(new SessionEvent.Tick(), 22_999).isEmpty(), "still inside the follow-up window");
        List<SessionAction> timeout = machine.handle(new SessionEvent.Tick(), 23_000);
        assertTrue(timeout.contains(new SessionAction.EndSession()));
        assertEquals(State.IDLE, machine.state());
    }

    @Test
    void aShopperWhoGoesOnAfterAnEarlyEndStopsTheReplyAndIsHeardAgainWithoutANewListening() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        machine.handle(new SessionEvent.Heard("where is the duct tape"), 1000);
        machine.handle(new SessionEvent.Answered("Duct tape is in aisle 14.", false, Optional.of("14"), false), 1100);
        assertEquals(State.SPEAKING, machine.state());
        List<SessionAction> resumed = machine.resume("where is the duct tape and", 1300);
        assertEquals(new SessionAction.StopSpeaking(), resumed.get(0), resumed.toString());
        assertTrue(resumed.contains(new SessionAction.Show("Listening…", "where is the duct tape and",
                Optional.empty())), resumed.toString());
        assertFalse(resumed.contains(new SessionAction.StartListening()), "the listening under way goes on");
        assertEquals(State.LISTENING, machine.state());
        List<SessionAction> whole = machine.handle(new SessionEvent.Heard("where is the duct tape and the flashlights"),
                2500);
        assertTrue(whole.contains(new SessionAction.Understand("where is the duct tape and the flashlights")),
                whole.toString());
        machine.handle(new SessionEvent.Answered("Both are in aisle 14.", false, Optional.of("14"), false), 2700);
        machine.handle(new SessionEvent.SpeechDone(), 3000);
        assertFalse(machine.resume("more", 3100).isEmpty(), "just said: the shopper may still go on");
        assertEquals(State.LISTENING, machine.state());
    }

    @Test
    void nothingIsResumedOnceTheSessionHasEnded() {
        assertTrue(machine.resume("where is the duct tape", 0).isEmpty());
        assertEquals(State.IDLE, machine.state());
    }

    @Test
    void aPressWhileSpeakingStopsTheSpeechAtOnceAndListens() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        machine.handle(new SessionEvent.Heard("how much is the drill"), 1000);
        machine.handle(new SessionEvent.Answered("The drill is $89.00.", false, Optional.empty(), false), 1100);

        List<SessionAction> bargeIn = machine.handle(new SessionEvent.TalkPressed(), 1200);
        assertEquals(new SessionAction.StopSpeaking(), bargeIn.get(0), "speech stops before anything else");
        assertEquals(new SessionAction.StartListening(), bargeIn.get(1));
        assertEquals(State.LISTENING, machine.state());
        assertTrue(machine.handle(new SessionEvent.SpeechDone(), 1300).isEmpty(),
                "the end of the interrupted speech does not leave listening");
    }

    @Test
    void silenceGetsAnHonestDidNotCatchThat() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        List<SessionAction> heard = machine.handle(new SessionEvent.Heard("  "), 2000);
        assertTrue(heard.contains(new SessionAction.Speak(SessionMachine.NOT_HEARD)));
        assertFalse(heard.stream().anyMatch(a -> a instanceof SessionAction.Understand));
    }

    @Test
    void turnsNotCaughtInARowCallATeamMemberAndAnUnderstoodTurnStartsTheCountAgain() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        machine.handle(new SessionEvent.Heard("where is the glue"), 1000);
        machine.handle(new SessionEvent.Answered("Glue is in aisle 3.", false, Optional.of("3"), false), 1100);
        machine.handle(new SessionEvent.TalkPressed(), 2000);
        assertTrue(machine.handle(new SessionEvent.Heard(""), 3000)
                .contains(new SessionAction.Speak(SessionMachine.NOT_HEARD)), "first miss");
        machine.handle(new SessionEvent.TalkPressed(), 4000);
        List<SessionAction> second = machine.handle(new SessionEvent.Heard(""), 5000);
        assertTrue(second.contains(new SessionAction.CallStaff("the shopper was not understood 2 times")),
                second.toString());
        assertTrue(second.contains(new SessionAction.Speak(SessionMachine.STAFF_CALLED)));

        machine.settings(new SessionMachine.Settings("Hi", Duration.ofSeconds(20), Duration.ofSeconds(15), 3));
        machine.handle(new SessionEvent.TalkPressed(), 6000);
        machine.handle(new SessionEvent.Heard(""), 7000);
        machine.handle(new SessionEvent.TalkPressed(), 8000);
        assertFalse(machine.handle(new SessionEvent.Heard(""), 9000).stream()
                .anyMatch(action -> action instanceof SessionAction.CallStaff), "reloaded setting: 3 misses now");
    }

    @Test
    void theStaffButtonEscalatesFromAnyState() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        machine.handle(new SessionEvent.Heard("where is the paint"), 1000);
        machine.handle(new SessionEvent.Answered("Paint is in aisle 4.", false, Optional.of("4"), false), 1100);
        List<SessionAction> staff = machine.handle(new SessionEvent.StaffPressed(), 1200);
        assertEquals(new SessionAction.StopSpeaking(), staff.get(0));
        assertTrue(staff.contains(new SessionAction.CallStaff("staff button")));
        assertTrue(staff.contains(new SessionAction.Lights(Light.OFF, Light.BLINK_FAST)));

        SessionMachine idle = new SessionMachine(SessionMachine.Settings.defaults("Hello"));
        List<SessionAction> fromIdle = idle.handle(new SessionEvent.StaffPressed(), 0);
        assertFalse(fromIdle.contains(new SessionAction.StopSpeaking()), "nothing was playing");
        assertTrue(fromIdle.contains(new SessionAction.CallStaff("staff button")));
    }

    @Test
    void anEscalatingAnswerPagesStaffAndAGoodbyeEndsTheSession() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        machine.handle(new SessionEvent.Heard("i need someone"), 1000);
        List<SessionAction> escalated = machine.handle(
                new SessionEvent.Answered("I'll get a team member.", true, Optional.empty(), false), 1100);
        assertTrue(escalated.stream().anyMatch(a -> a instanceof SessionAction.CallStaff));

        machine.handle(new SessionEvent.TalkPressed(), 2000);
        machine.handle(new SessionEvent.Heard("thanks bye"), 3000);
        machine.handle(new SessionEvent.Answered("Goodbye!", false, Optional.empty(), true), 3100);
        List<SessionAction> done = machine.handle(new SessionEvent.SpeechDone(), 4000);
        assertTrue(done.contains(new SessionAction.EndSession()));
        assertEquals(State.IDLE, machine.state());
    }

    @Test
    void aLongUtteranceIsCutAtTheLimitAndPresenceGreets() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        assertTrue(machine.handle(new SessionEvent.Tick(), 14_999).isEmpty());
        assertEquals(List.of(new SessionAction.FinishListening()), machine.handle(new SessionEvent.Tick(), 15_000));

        SessionMachine greeter = new SessionMachine(SessionMachine.Settings.defaults("Hi there"));
        List<SessionAction> arrive = greeter.handle(new SessionEvent.PresenceChanged(true), 0);
        assertTrue(arrive.contains(new SessionAction.Speak("Hi there")));
        assertEquals(State.GREETING, greeter.state());
        greeter.handle(new SessionEvent.SpeechDone(), 1000);
        assertEquals(State.FOLLOW_UP, greeter.state());
        assertTrue(greeter.handle(new SessionEvent.PresenceChanged(false), 2000).contains(new SessionAction.EndSession()));
    }

    @Test
    void aFailedTurnApologizesAndEndsTheSessionSoTheNextPressStartsAfresh() {
        machine.handle(new SessionEvent.TalkPressed(), 0);
        List<SessionAction> listening = machine.recover(); // recognition failed while listening
        assertFalse(listening.contains(new SessionAction.StopSpeaking()), "nothing was being said");
        assertTrue(listening.contains(new SessionAction.Speak(SessionMachine.SORRY)), listening.toString());
        assertEquals(State.SPEAKING, machine.state());
        assertTrue(machine.handle(new SessionEvent.SpeechDone(), 500).contains(new SessionAction.EndSession()));
        assertEquals(State.IDLE, machine.state());

        machine.handle(new SessionEvent.TalkPressed(), 1000);
        machine.handle(new SessionEvent.Heard("how much is the drill"), 2000);
        machine.handle(new SessionEvent.Answered("The drill is $89.00.", false, Optional.empty(), false), 2100);
        List<SessionAction> speaking = machine.recover(); // the speaker failed mid-reply
        assertEquals(new SessionAction.StopSpeaking(), speaking.get(0), "the broken reply stops first");
        assertTrue(speaking.contains(new SessionAction.Speak(SessionMachine.SORRY)), speaking.toString());
        assertEquals(new SessionAction.StartListening(), machine.handle(new SessionEvent.TalkPressed(), 2500).get(1),
                "a press during the apology listens");
    }
}
