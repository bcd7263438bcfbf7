package kiosk.app.voice;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import kiosk.app.commands.CommandContext;
import kiosk.app.commands.CommandParser;
import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.StoreAssistant;
import kiosk.app.store.LoadResult;
import kiosk.app.store.StoreKnowledge;
import kiosk.app.store.StoreLoader;
import kiosk.speech.RecognizerOptions;
import kiosk.speech.SpokenForm;

/**
 * The kiosk wired for one store folder: its knowledge, its command contexts, the models, and the recognizer
 * vocabulary built from both.
 *
 * <p>Problems in the store's files are reported through {@code problems} one line each ("file:line: reason") and
 * whatever loaded keeps serving. Created once per knowledge load; a reload makes a new one.
 */
public final class StoreKiosk {

    private final StoreKnowledge knowledge;
    private final StoreAssistant assistant;
    private final List<CommandContext> contexts;
    private final Optional<CommandParser> commands;
    private final KioskModels models;
    private final Path folder;
    private final Optional<GroundedPhrasing> phrasing;
    private CompletableFuture<Void> recognizerPrepared = CompletableFuture.completedFuture(null);
    /** {@link #recognition()}'s options, once worked out. */
    private RecognizerOptions recognition;

    private StoreKiosk(Path folder, StoreKnowledge knowledge, StoreAssistant assistant, List<CommandContext> contexts,
                       KioskModels models, Optional<GroundedPhrasing> phrasing) {
        this.phrasing = phrasing;
        this.folder = folder;
        this.knowledge = knowledge;
        this.assistant = assistant;
        this.contexts = List.copyOf(contexts);
        this.commands = contexts.isEmpty() ? Optional.empty() : Optional.of(new CommandParser(contexts));
        this.models = models;
    }

    /**
     * Loads the store folder (knowledge and {@code contexts/*.yaml}).
     *
     * @throws KnowledgeUnavailableException when nothing of the store's knowledge could be loaded
     */
    public static StoreKiosk open(Path storeFolder, KioskModels models, Consumer<String> problems) {
        return open(storeFolder, models, problems, Optional.empty());
    }

    /** As {@link #open(Path, KioskModels, Consumer)}, with replies phrased by a generative model pack. */
    public static StoreKiosk open(Path storeFolder, KioskModels models, Consumer<String> problems,
                                  Optional<KioskModels.LoadedPack> pack) {
        LoadResult loaded = StoreLoader.load(storeFolder);
        loaded.problems().forEach(problem -> problems.accept(problem.toString()));
        StoreKnowledge knowledge = loaded.knowledge().orElseThrow(() -> new KnowledgeUnavailableException(
                "the store knowledge in " + storeFolder + " could not be loaded"));
        List<CommandContext> contexts = CommandContext.loadFolder(storeFolder.resolve("contexts"), problems);
        StoreAssistant assistant = StoreAssistant.create(knowledge, models.encoder(), Clock.systemDefaultZone());
        Optional<GroundedPhrasing> phrasing = pack.map(model -> new GroundedPhrasing(model.generator(),
                messages -> model.pack().promptTokens(model.tokens(), messages),
                model.pack().generationOptions(model.tokens()), knowledge, Clock.systemUTC(),
                sentence -> speakable(sentence, models)));
        StoreKiosk kiosk = new StoreKiosk(storeFolder, knowledge, assistant, contexts, models, phrasing);
        // the store's phrases compiled into its recognizer now, beside the rest of loading, not in the first turn;
        // the phrase list itself is worked out there too, while the main thread waits for the speech model
        kiosk.recognizerPrepared = models.prepareRecognition(() -> VoiceTurns.live(kiosk.recognition()));
        return kiosk;
    }

    /** Mostly words the speech model knows: English the voice can say, not a broken model's fragments. */
    private static boolean speakable(String sentence, KioskModels models) {
        String[] words = SpokenForm.normalize(sentence, true).split(" ");
        return words.length > 0 && models.speechModel().unknownWords(List.of(sentence)).size() * 5 <= words.length;
    }

    /** The generative phrasing of replies, when a model pack is configured and loaded. */
    public Optional<GroundedPhrasing> phrasing() {
        return phrasing;
    }

    /** The store folder this knowledge was loaded from. */
    public Path folder() {
        return folder;
    }

    public StoreKnowledge knowledge() {
        return knowledge;
    }

    public List<CommandContext> contexts() {
        return contexts;
    }

    /** A new shopper's session; the voice is back at its configured level and rate. */
    public ShopperSession newSession() {
        models.resetVoice();
        return new ShopperSession(assistant.newConversation(), commands,
                change -> models.synthesizer().adjust(change), Optional.of(assistant::newConversation));
    }

    /** Spoken turns, with recognition biased toward this store's words and its command phrases. */
    public VoiceTurns voiceTurns() {
        return new VoiceTurns(models.speechModel(), models.synthesizer(), recognition());
    }

    /**
     * Recognition biased toward this store's words and its command phrases, worked out once: the load's grammar
     * preparation and {@link #voiceTurns()} both ask, and the ~10,000 phrases took the main thread a second time
     * after the wait for the speech model, just before ready. The grammar's preparation asks first, on a background
     * thread (while the main thread waits for the speech model); a process that does not speak never asks.
     */
    private RecognizerOptions recognition() {
        synchronized (this) {
            if (recognition == null) {
                recognition = RecognizerOptions.biased(vocabulary()).withAlternatives(SpokenEvidence.GRAMMAR_READINGS);
            }
            return recognition;
        }
    }

    /**
     * Done when the recognizer for this store's vocabulary is built and kept (at once in a process that does not
     * speak): see {@link KioskModels#prepareRecognition}.
     */
    public CompletableFuture<Void> recognizerPrepared() {
        return recognizerPrepared;
    }

    /**
     * The phrases recognition is biased toward: the store's vocabulary, the phrases shoppers ask with
     * ({@link ShopperPhrases}) and every command context's phrases.
     */
    public List<String> vocabulary() {
        List<String> phrases = new ArrayList<>(knowledge.vocabularyPhrases());
        ShopperPhrases.FRAMES.stream().filter(frame -> !phrases.contains(frame)).forEach(phrases::add);
        phrases.addAll(ShopperPhrases.questions(knowledge));
        contexts.forEach(context -> phrases.addAll(context.grammarPhrases()));
        return phrases;
    }

    /** Thrown when a store folder yields no usable knowledge at all. */
    public static final class KnowledgeUnavailableException extends RuntimeException {
        public KnowledgeUnavailableException(String message) {
            super(message);
        }
    }
}
