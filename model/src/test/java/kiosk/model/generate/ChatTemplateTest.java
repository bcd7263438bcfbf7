package kiosk.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import kiosk.model.generate.ChatTemplate.Message;
import org.junit.jupiter.api.Test;

/** The prompts are compared character for character: a wrong newline or token changes what the model answers. */
class ChatTemplateTest {

    static final String SYSTEM = "You answer shoppers in one or two sentences.";
    static final String USER = "Where is the duct tape?";

    static ChatTemplate template(String name) {
        return ChatTemplate.named(name).orElseThrow(() -> new AssertionError("no template " + name));
    }

    @Test
    void chatmlWritesQwenStyleTurnsAndOpensTheAssistantTurn() {
        assertEquals("<|im_start|>system\nYou answer shoppers in one or two sentences.<|im_end|>\n"
                + "<|im_start|>user\nWhere is the duct tape?<|im_end|>\n"
                + "<|im_start|>assistant\n", template("chatml").render(SYSTEM, USER));
        assertEquals(List.of("<|im_end|>", "<|endoftext|>"), template("chatml").stopStrings());
    }

    @Test
    void llama3WritesHeadersAndEndOfTurnTokensWithTrimmedContent() {
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "You answer shoppers in one or two sentences.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhere is the duct tape?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n",
                template("llama3").render(SYSTEM, "  " + USER + "\n"));
        assertTrue(template("llama3").stopStrings().contains("<|eot_id|>"));
    }

    @Test
    void earlierTurnsAreRenderedInOrder() {
        String prompt = template("chatml").render(List.of(Message.system(SYSTEM), Message.user("Do you sell tape?"),
                Message.assistant("Yes, in aisle 7."), Message.user("How much is it?")));
        assertEquals("<|im_start|>system\n" + SYSTEM + "<|im_end|>\n<|im_start|>user\nDo you sell tape?<|im_end|>\n"
                + "<|im_start|>assistant\nYes, in aisle 7.<|im_end|>\n<|im_start|>user\nHow much is it?<|im_end|>\n"
                + "<|im_start|>assistant\n", prompt);
    }

    @Test
    void qwenAndSmollmAddTheirDefaultSystemMessageOnlyWhenNoneIsGiven() {
        List<Message> question = List.of(Message.user(USER));
        assertEquals("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant."
                + "<|im_end|>\n<|im_start|>user\n" + USER + "<|im_end|>\n<|im_start|>assistant\n",
                template("qwen2.5").render(question));
        assertEquals("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
                + "<|im_end|>\n<|im_start|>user\n" + USER + "<|im_end|>\n<|im_start|>assistant\n",
                template("smollm").render(question));
        assertEquals(template("chatml").render(SYSTEM, USER), template("qwen2.5").render(SYSTEM, USER));
        assertEquals("<|im_start|>user\n" + USER + "<|im_end|>\n<|im_start|>assistant\n",
                template("chatml").render(question));
    }

    @Test
    void zephyrAndPlainTemplates() {
        assertEquals("<|system|>\n" + SYSTEM + "</s>\n<|user|>\n" + USER + "</s>\n<|assistant|>\n",
                template("zephyr").render(SYSTEM, USER));
        assertEquals("System: " + SYSTEM + "\nUser: " + USER + "\nAssistant:", template("plain").render(SYSTEM, USER));
        assertEquals(List.of("\nUser:", "\nSystem:"), template("plain").stopStrings());
    }

    @Test
    void namesAreKnownCaseInsensitivelyAndUnknownNamesAreEmpty() {
        assertEquals(List.of("chatml", "qwen2.5", "smollm", "llama3", "zephyr", "plain"), ChatTemplate.names());
        assertEquals("llama3", template(" Llama3 ").name());
        assertTrue(ChatTemplate.named("chatlm").isEmpty());
    }

    @Test
    void aCustomTemplateFillsSystemAndUserOnceAndKeepsItsStops() {
        ChatTemplate custom = ChatTemplate.custom("### Rules\n{system}\n### Question\n{user}\n### Answer\n",
                List.of("###"));
        assertEquals("custom", custom.name());
        assertEquals(List.of("###"), custom.stopStrings());
        // a shopper's words that look like a placeholder stay as they are
        assertEquals("### Rules\n" + SYSTEM + "\n### Question\nWhat is {system} $5?\n### Answer\n",
                custom.render(SYSTEM, "What is {system} $5?"));
        // one exchange only: the last question, the first system message
        assertEquals("### Rules\n\n### Question\nAnd tape?\n### Answer\n", custom.render(List.of(
                Message.user("Glue?"), Message.assistant("Aisle 3."), Message.user("And tape?"))));
    }

    @Test
    void aCustomTemplateWithATypoOrWithoutTheUserIsRefused() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ChatTemplate.custom("{system}\n{usr}\n", List.of()));
        assertEquals("the custom chat template has an unknown placeholder '{usr}' (did you mean '{user}'?); it may use "
                + "{system} and {user}", typo.getMessage());
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> ChatTemplate.custom("{system} Answer:", List.of()));
        assertEquals("the custom chat template lacks the {user} placeholder", noUser.getMessage());
        assertThrows(IllegalArgumentException.class, () -> template("plain").render(List.of()));
    }
}
