package kiosk.app.voice;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kiosk.app.commands.CommandResult;
import kiosk.app.dialogue.Reply;
import kiosk.speech.VoiceSettings;

/**
 * What the kiosk says to an understood spoken command.
 *
 * <p>The in-store commands (call staff, repeat, louder, quieter, slower, stop) have fixed replies. Louder, quieter
 * and slower are carried out here, on the voice, before the reply is spoken (so the reply already sounds the new
 * way); at the voice's bound the reply says so instead of promising a change. The kiosk loop stops playback. Any
 * other context's command (a café's drink order) is confirmed by reading its slots back, which is all the kiosk can
 * honestly say about it.
 */
final class CommandReplies {

    private final VoiceControl voice;

    CommandReplies(VoiceControl voice) {
        this.voice = voice;
    }

    Reply reply(String heard, CommandResult.Understood command, Optional<Reply> lastReply) {
        Map<String, String> slots = new java.util.LinkedHashMap<>(command.slots());
        slots.computeIfPresent("aisle", (name, words) -> AisleNumber.digits(words));
        String intent = command.intent();
        String key = intent.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        boolean escalate = false;
        String answer;
        if (key.contains("price")) {
            escalate = true;
            answer = slots.containsKey("aisle")
                    ? "I've asked a team member for a price check at aisle " + slots.get("aisle") + "."
                    : "I've asked a team member for a price check.";
        } else if (key.contains("staff") || key.contains("help") || key.contains("someone")) {
            escalate = true;
            answer = slots.containsKey("aisle")
                    ? "I've asked a team member to come to aisle " + slots.get("aisle") + "."
                    : "I've asked a team member to come and help you.";
        } else if (key.contains("repeat")) {
            answer = lastReply.map(Reply::answer).orElse("I haven't said anything yet. What can I help you find?");
        } else if (key.contains("louder")) {
            answer = voice.adjust(VoiceSettings.Change.LOUDER) ? "Okay, I'll speak louder."
                    : "I'm already speaking as loud as I can.";
        } else if (key.contains("quieter") || key.contains("softer")) {
            answer = voice.adjust(VoiceSettings.Change.QUIETER) ? "Okay, I'll speak more quietly."
                    : "I'm already speaking as quietly as I can.";
        } else if (key.contains("slower")) {
            answer = voice.adjust(VoiceSettings.Change.SLOWER) ? "Okay, I'll speak more slowly."
                    : "I'm already speaking as slowly as I can.";
        } else if (key.contains("stop") || key.contains("cancel")) {
            answer = "Okay.";
        } else {
            answer = slots.isEmpty() ? "Okay." : "Okay: " + String.join(", ", slots.values()) + ".";
        }
        Optional<String> aisle = Optional.ofNullable(slots.get("aisle"));
        return new Reply(heard, intent, slots, answer, command.confidence(), escalate, aisle, Map.of());
    }
}
