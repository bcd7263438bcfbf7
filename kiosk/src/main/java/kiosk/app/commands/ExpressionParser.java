package kiosk.app.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses one expression line ("[can I get, give me] [a, an] $size:size coffee") into elements. */
final class ExpressionParser {

    private ExpressionParser() {
    }

    static Expression parse(String intent, String text, Map<String, List<String>> slotTypes, Path file, int line) {
        List<Element> elements = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                int end = text.indexOf(close, i);
                int nested = indexOfAny(text, i + 1, "[(");
                if (end < 0 || nested >= 0 && nested < end) {
                    throw error(file, line, "unbalanced '" + c + "' in \"" + text + "\"");
                }
                flush(words, elements);
                List<List<String>> options = new ArrayList<>();
                for (String option : text.substring(i + 1, end).split(",")) {
                    List<String> optionWords = CommandContext.words(option);
                    if (optionWords.isEmpty()) {
                        throw error(file, line, "an empty choice in \"" + text + "\"");
                    }
                    options.add(optionWords);
                }
                elements.add(new Element.Choice(List.copyOf(options), c == '('));
                i = end + 1;
            } else if (c == ']' || c == ')') {
                throw error(file, line, "unbalanced '" + c + "' in \"" + text + "\"");
            } else if (c == '$') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == ':'
                        || text.charAt(end) == '_')) {
                    end++;
                }
                String[] reference = text.substring(i + 1, end).split(":");
                if (reference.length != 2 || reference[0].isEmpty() || reference[1].isEmpty()) {
                    throw error(file, line, "a slot reference must read $type:name, not \"" + text.substring(i, end)
                            + "\"");
                }
                List<String> phrases = slotTypes.get(reference[0]);
                if (phrases == null) {
                    throw error(file, line, "unknown slot type '" + reference[0] + "'"
                            + CommandContext.suggestion(reference[0], slotTypes.keySet())
                            + "; the context's slot types are " + slotTypes.keySet());
                }
                flush(words, elements);
                elements.add(new Element.Slot(reference[0], reference[1],
                        phrases.stream().map(CommandContext::words).toList(), phrases));
                i = end;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && "[]()$".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                words.addAll(CommandContext.words(text.substring(i, end)));
                i = end;
            }
        }
        flush(words, elements);
        if (elements.isEmpty()) {
            throw error(file, line, "an empty expression for intent '" + intent + "'");
        }
        return new Expression(intent, List.copyOf(elements), text, line);
    }

    private static void flush(List<String> words, List<Element> elements) {
        if (!words.isEmpty()) {
            elements.add(new Element.Words(List.copyOf(words)));
            words.clear();
        }
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
            if (text.charAt(i) == ']' || text.charAt(i) == ')') {
                return -1;
            }
        }
        return -1;
    }

    private static ContextException error(Path file, int line, String reason) {
        return new ContextException(file + ":" + line + ": " + reason);
    }
}
