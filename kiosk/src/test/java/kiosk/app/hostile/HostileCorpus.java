package kiosk.app.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kiosk.app.KioskPaths;
import kiosk.app.cli.KioskctlCommand;
import kiosk.app.config.ConfigReader;
import kiosk.app.config.KioskConfig;
import kiosk.app.run.ConfigurationReload;
import kiosk.app.run.ReloadOutcome;
import kiosk.app.store.LastGoodStore;
import kiosk.app.store.StoreLoader;
import kiosk.app.voice.KioskModels;
import kiosk.app.voice.StoreKiosk;
import kiosk.hardware.ConsolePanel;
import kiosk.speech.SpeechException;
import kiosk.speech.WavFile;

/**
 * Runs every case of the hostile-input corpus ({@code src/test/resources/hostile}) the way the kiosk meets it, in
 * this JVM (started by {@link HostileInputTest} with a small heap), and prints one JSON line per case: what the
 * kiosk said about it, whether a stack trace or an exception escaped, and what a normal question got afterwards.
 * The test compares the lines with {@code expected.yaml}; this class judges nothing itself.
 */
public final class HostileCorpus {

    static final String NORMAL_QUESTION = "where are the double a batteries";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpus;
    private final Path work;
    private final PrintStream results;

    private HostileCorpus(Path corpus, Path work, PrintStream results) {
        this.corpus = corpus;
        this.work = work;
        this.results = results;
    }

    /** {@code args}: the corpus folder and a scratch folder. */
    public static void main(String[] args) throws Exception {
        PrintStream results = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        new HostileCorpus(Path.of(args[0]), Path.of(args[1]), results).runAll();
        System.exit(0);
    }

    private void runAll() throws Exception {
        Path stores = work.resolve("stores");
        copy(corpus.resolve("stores"), stores);
        generateStores(stores);
        Path wavs = work.resolve("wav");
        copy(corpus.resolve("wav"), wavs);
        generateWavs(wavs);
        Path texts = work.resolve("texts");
        copy(corpus.resolve("texts"), texts);
        Files.writeString(texts.resolve("generated-96-kb.txt"), "where is the hammer ".repeat(96 * 1024 / 20));

        Path state = work.resolve("state");
        Path config = work.resolve("kiosk.conf");
        Path base = stores.resolve("base");
        Files.writeString(config, "store:\n  folder: " + base + "\n");
        KioskConfig settings = ConfigReader.read(config).config().orElseThrow();
        KioskPaths paths = new KioskPaths(Path.of(System.getProperty("kiosk.models", "../target/models")), base,
                state);
        System.setProperty(KioskPaths.CONFIG_PROPERTY, config.toString());
        System.setProperty(KioskPaths.STATE_PROPERTY, state.toString());
        try (KioskModels models = new KioskModels(paths)) {
            StoreKiosk serving = ConfigurationReload.starting(models, settings, problem -> { }, fault -> { });
            LastGoodStore lastGood = new LastGoodStore(state);
            try (Stream<Path> folders = Files.list(stores)) {
                for (Path store : folders.sorted().toList()) {
                    storeCase(store, base, serving, models, settings, config, lastGood);
                }
            }
            for (Path file : sorted(corpus.resolve("configs"))) {
                configCase(file, serving);
            }
            for (Path file : sorted(wavs)) {
                wavCase(file, serving);
            }
            for (Path file : sorted(texts)) {
                textCase(file, serving);
            }
        }
    }

    /** check, reload and start on one store folder, each after the last good copy was set back to the base store. */
    private void storeCase(Path store, Path base, StoreKiosk serving, KioskModels models, KioskConfig settings,
                           Path config, LastGoodStore lastGood) {
        Map<String, Object> line = caseLine("stores", store);
        try {
            lastGood.remember(base, serving.knowledge());
            System.setProperty(KioskPaths.STORE_PROPERTY, store.toString());
            ByteArrayOutputStream checkOut = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            int checkCode;
            try {
                System.setOut(new PrintStream(checkOut, true, StandardCharsets.UTF_8));
                checkCode = KioskctlCommand.commandLine().execute("check", "--json");
            } finally {
                System.setOut(stdout);
                System.clearProperty(KioskPaths.STORE_PROPERTY);
            }
            JsonNode check = JSON.readTree(checkOut.toString(StandardCharsets.UTF_8));
            line.put("check_exit", checkCode);
            line.put("check_verdict", check.get("verdict").asText());
            line.put("check_problems", check.get("problems").toString());

            lastGood.remember(base, serving.knowledge());
            ReloadOutcome outcome = ConfigurationReload.read(config, models, Optional.of(store));
            StoreKiosk afterReload = serving;
            if (outcome instanceof ReloadOutcome.Loaded loaded) {
                line.put("reload_verdict", "sound");
                afterReload = loaded.kiosk();
            } else {
                line.put("reload_verdict", "refused");
                line.put("reload_message", ((ReloadOutcome.Refused) outcome).reason());
            }
            line.put("answer_after", afterReload.newSession().respond(NORMAL_QUESTION).answer());

            lastGood.remember(base, serving.knowledge());
            List<String> faults = new ArrayList<>();
            StoreKiosk started = ConfigurationReload.starting(models, store, settings, problem -> { }, faults::add);
            line.put("start_folder", started.folder().getFileName().toString());
            line.put("start_faults", faults);
            line.put("answer_after_start", started.newSession().respond(NORMAL_QUESTION).answer());
            var knowledge = StoreLoader.load(store).knowledge();
            knowledge.ifPresent(k -> line.put("hours_unknown", k.hoursUnknown().stream().sorted()
                    .map(DayOfWeek::name).toList()));
            knowledge.ifPresent(k -> line.put("first_product", k.products().isEmpty() ? ""
                    : k.products().get(0).name()));
        } catch (Throwable e) {
            line.put("exception", e.toString());
        }
        print(line);
    }

    private void configCase(Path file, StoreKiosk serving) {
        Map<String, Object> line = caseLine("configs", file);
        try {
            ConfigReader.Result result = ConfigReader.read(file);
            line.put("loaded", result.config().isPresent());
            line.put("message", result.problems().stream().map(Object::toString).toList().toString());
        } catch (Throwable e) {
            line.put("exception", e.toString());
        }
        line.put("answer_after", serving.newSession().respond(NORMAL_QUESTION).answer());
        print(line);
    }

    private void wavCase(Path file, StoreKiosk serving) {
        Map<String, Object> line = caseLine("wav", file);
        try {
            WavFile.read(file);
            line.put("loaded", true);
        } catch (SpeechException e) {
            line.put("message", e.getMessage());
        } catch (Throwable e) {
            line.put("exception", e.toString());
        }
        line.put("answer_after", serving.newSession().respond(NORMAL_QUESTION).answer());
        print(line);
    }

    /** As the kiosk takes a transcript (no line limit) and a console line (bounded, control characters removed). */
    private void textCase(Path file, StoreKiosk serving) {
        Map<String, Object> line = caseLine("texts", file);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            line.put("answer", serving.newSession().respond(text).answer());
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            List<String> typed = new ArrayList<>();
            try (ConsolePanel panel = new ConsolePanel(new java.io.ByteArrayInputStream(
                    (text + "\n").getBytes(StandardCharsets.UTF_8)), out, 40)) {
                java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                panel.onEvent(event -> {
                    if (event instanceof kiosk.hardware.PanelEvent.TypedText t) {
                        typed.add(t.text());
                    } else {
                        done.countDown();
                    }
                });
                panel.start();
                done.await(10, java.util.concurrent.TimeUnit.SECONDS);
                String heard = typed.isEmpty() ? "" : typed.get(0);
                line.put("typed_chars", heard.length());
                String reply = serving.newSession().respond(heard).answer();
                panel.show(heard, reply, Optional.of("4"));
                line.put("screen", screen.toString(StandardCharsets.UTF_8));
            }
        } catch (Throwable e) {
            line.put("exception", e.toString());
        }
        line.put("answer_after", serving.newSession().respond(NORMAL_QUESTION).answer());
        print(line);
    }

    private Map<String, Object> caseLine(String kind, Path file) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", kind);
        line.put("case", file.getFileName().toString());
        return line;
    }

    private void print(Map<String, Object> line) {
        line.put("heap_used_mb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        try {
            results.println("CASE " + JSON.writeValueAsString(line));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cases too large to keep in the repository, and the FIFO. */
    private static void generateStores(Path stores) throws IOException, InterruptedException {
        Path base = stores.resolve("base");
        Path big = stores.resolve("generated-catalog-33-mb");
        copy(base, big);
        try (RandomAccessFile file = new RandomAccessFile(big.resolve("catalog.csv").toFile(), "rw")) {
            file.seek(file.length());
            byte[] row = "X-0,Padding,,Hardware,8,1.00,1\n".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer block = ByteBuffer.allocate(row.length * 32768);
            while (block.remaining() >= row.length) {
                block.put(row);
            }
            while (file.length() < 33L * 1024 * 1024) {
                file.write(block.array(), 0, block.position());
            }
        }
        Path fifo = stores.resolve("generated-catalog-fifo");
        copy(base, fifo);
        Files.delete(fifo.resolve("catalog.csv"));
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.resolve("catalog.csv").toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo failed");
        }
        Path repeats = stores.resolve("generated-faq-20000-repeats");
        copy(base, repeats);
        StringBuilder faq = new StringBuilder("- id: toilets\n  answer: The toilets are at the front of the store.\n"
                + "  questions:\n");
        String[] questions = {"where is the toilet", "where are the toilets", "is there a restroom",
            "where is the bathroom"};
        for (int i = 0; i < 20_000; i++) {
            faq.append("    - ").append(questions[i % questions.length]).append('\n');
        }
        Files.writeString(repeats.resolve("faq.yaml"), Files.readString(base.resolve("faq.yaml")) + faq);
    }

    /** Sparse files: their headers are honest, their samples silence, and no disk is used for them. */
    private static void generateWavs(Path wavs) throws IOException {
        sparseWav(wavs.resolve("generated-nine-minutes-of-cd-stereo.wav"), 44100, 2, 9L * 60 * 44100 * 4);
        sparseWav(wavs.resolve("generated-thirty-minutes-of-8-khz.wav"), 8000, 1, 30L * 60 * 8000 * 2);
    }

    private static void sparseWav(Path file, int rate, int channels, long dataBytes) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(header.array());
            out.setLength(44 + dataBytes);
        }
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
