package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import kiosk.app.KioskPaths;
import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.Reply;
import kiosk.app.session.Utterance;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.ShopperSession;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSource;
import kiosk.speech.Transcriber;
import kiosk.speech.WavFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each stage of a turn fails once, for real (an exception thrown where the stage runs, with the real models around
 * it): the kiosk says it went wrong, reports the fault in {@code kioskctl status}, and answers the next question.
 */
class WorkerFaultTest {

    private static final Path TINY = Path.of(System.getProperty("kiosk.shared", "../../shared"), "data",
            "tiny-random-llama-onnx");

    @TempDir
    static Path shared;
    private static KioskModels models;
    private static Path spokenQuestion;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    @BeforeAll
    static void loadModels() throws IOException {
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")),
                Path.of("demo-store"), shared);
        models = new KioskModels(paths);
        spokenQuestion = shared.resolve("batteries.wav");
        WavFile.write(spokenQuestion, models.synthesizer().speakAll("where are the double a batteries")
                .append(Audio.silence(300)));
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void waitFor(String text) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (screen().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' did not appear:\n" + screen());
    }

    /** The real stages, except that {@code failing} throws the first time it runs ({@code failed} not yet set). */
    private static TurnStages failingOnce(TurnStages real, Stage failing, AtomicBoolean failed) {
        Runnable maybeFail = () -> {
            if (!failed.getAndSet(true)) {
                throw new IllegalStateException("injected " + failing.label() + " failure");
            }
        };
        return new TurnStages() {
            @Override
            public Transcriber.Result listen(AudioSource source, boolean live, Optional<ShopperSession> session,
                                             Consumer<String> partials, BooleanSupplier finish) {
                Transcriber.Result heard = real.listen(source, live, session, partials, finish);
                if (failing == Stage.RECOGNITION) {
                    maybeFail.run();
                }
                return heard;
            }

            @Override
            public Optional<Transcriber.Result> listenOn(AudioSource source, Transcriber.Result heard,
                                                         ShopperSession session, Runnable resumed,
                                                         Consumer<String> partials, BooleanSupplier finish) {
                return real.listenOn(source, heard, session, resumed, partials, finish);
            }

            @Override
            public Reply understand(ShopperSession session, Utterance heard) {
                if (failing == Stage.UNDERSTANDING) {
                    maybeFail.run();
                }
                return real.understand(session, heard);
            }

            @Override
            public String phrase(GroundedPhrasing pack, String heard, Reply template, Consumer<String> say,
                                 BooleanSupplier cancelled) {
                if (failing == Stage.PACK) {
                    maybeFail.run();
                }
                return real.phrase(pack, heard, template, say, cancelled);
            }

            @Override
            public void synthesize(String text, Consumer<AudioChunk> audio) {
                if (failing == Stage.SYNTHESIS) {
                    // where the text normalizer throws on a price it cannot spell out (issue 14); an exception on
                    // FreeTTS's own output thread would hang it for good: that is the watchdog's case, not this one
                    maybeFail.run();
                }
                real.synthesize(text, audio);
            }
        };
    }

    /** Reply files whose first one fails after some audio was written, as an unplugged speaker would. */
    private static Replies failingSpeakerOnce(Replies files) {
        AtomicBoolean failed = new AtomicBoolean();
        return new Replies() {
            @Override
            public ReplySink open() throws IOException {
                ReplySink file = files.open();
                boolean fail = !failed.getAndSet(true);
                return new ReplySink() {
                    private int written;

                    @Override
                    public void write(AudioChunk chunk) {
                        if (fail && ++written == 3) {
                            throw new IllegalStateException("injected speaker failure: the device went away");
                        }
                        file.write(chunk);
                    }

                    @Override
                    public void stopNow() {
                        file.stopNow();
                    }

                    @Override
                    public void close() {
                        file.close();
                    }
                };
            }

            @Override
            public Optional<Path> last() {
                return files.last();
            }

            @Override
            public String description() {
                return files.description();
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aFailingStageIsReportedAndTheNextQuestionIsAnswered(Stage stage, @TempDir Path dir) throws Exception {
        Optional<KioskModels.LoadedPack> pack = Optional.empty();
        if (stage == Stage.PACK) {
            Assumptions.assumeTrue(Files.exists(TINY.resolve("model.onnx")), "the tiny decoder is not at " + TINY
                    + ": the model pack's stage cannot run");
            Path folder = Files.createDirectories(dir.resolve("tiny"));
            Files.writeString(folder.resolve("pack.yaml"), """
                    name: tiny-random-llama
                    version: "1"
                    licence: MIT
                    decoder: %s
                    tokenizer: %s
                    chat_template: plain
                    context_length: 2048
                    special_tokens:
                      bos: "<s>"
                      eos: "</s>"
                    budgets:
                      max_new_tokens: 16
                    """.formatted(TINY.resolve("model.onnx"), TINY.resolve("tokenizer.json")));
            pack = models.pack(folder.toString(), problem -> { });
            assertTrue(pack.isPresent(), "the tiny pack loads");
        }
        List<String> problems = new ArrayList<>();
        StoreKiosk kiosk = StoreKiosk.open(Path.of("demo-store"), models, problems::add, pack);
        PipedOutputStream keys = new PipedOutputStream();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        ConsolePanel panel = new ConsolePanel(new PipedInputStream(keys, 65536), out, 40);
        Replies files = Replies.toFiles(dir.resolve("replies"));
        Replies replies = stage == Stage.SINK ? failingSpeakerOnce(files) : files;
        List<TurnListener.FinishedTurn> turns = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean(); // the loop asks for the stages each turn: once in all
        KioskLoop.Services services = KioskLoop.Services.defaults().withListener(turns::add)
                .withStages(real -> stage == Stage.SINK ? real : failingOnce(real, stage, failed));
        KioskLoop loop = new KioskLoop(panel, kiosk, models, replies, out, services);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // the first question fails in the stage; a spoken one, so that recognition runs
        type(keys, spokenQuestion.toString());
        waitFor("Sorry, something went"); // on a 40-column console the rest wraps
        waitFor(stage.label() + " failed");
        type(keys, "where is the circular saw");
        waitFor("AISLE 6");
        waitFor("(spoken reply: ");
        type(keys, "/quit");
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), () -> running.get(60, TimeUnit.SECONDS)));

        List<?> errors = (List<?>) loop.status().get("last_errors");
        assertEquals(1, errors.size(), "the one injected fault: " + errors);
        assertTrue(errors.get(0).toString().contains(stage.label() + " failed in turn "), errors.toString());
        assertEquals(List.of(TurnListener.Outcome.FAILED, TurnListener.Outcome.ANSWERED),
                turns.stream().map(TurnListener.FinishedTurn::outcome).toList(), turns.toString());
        assertEquals(Optional.of(stage), turns.get(0).failedStage());
        assertEquals("product_location", turns.get(1).reply().orElseThrow().intent());
    }

    private static void type(PipedOutputStream keys, String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
