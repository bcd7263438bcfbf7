package kiosk.app.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import kiosk.app.bench.Percentiles;
import kiosk.app.dialogue.GroundedPhrasing;
import kiosk.app.dialogue.Reply;
import kiosk.model.generate.Generation;
import kiosk.model.generate.GenerationOptions;
import kiosk.model.generate.Generator;
import kiosk.model.generate.HuggingFaceTokenText;
import kiosk.model.generate.ModelPack;
import kiosk.model.generate.PackLoader;
import kiosk.model.generate.OnnxDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiosk bench generate}: time to first token and tokens per second of a decoder folder (greedy). */
@Command(name = "generate", description = "Decoder speed: time to first token and tokens per second (greedy).")
public final class BenchGenerateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "../shared/data/tiny-random-llama-onnx",
            description = "A model pack folder (pack.yaml), or a folder with model.onnx and tokenizer.json "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path folder;

    @Option(names = "--tokens", defaultValue = "64", description = "Tokens per generation (default: ${DEFAULT-VALUE}).")
    private int tokens;

    @Option(names = "--runs", defaultValue = "10", description = "Generations to time (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean isPack = Files.isRegularFile(folder.resolve(PackLoader.FILE));
        if (!isPack && !Files.exists(folder.resolve("model.onnx"))) {
            spec.commandLine().getErr().println("kiosk: no model pack (pack.yaml) and no decoder (model.onnx) in "
                    + folder + "; nothing to measure");
            return 2;
        }
        Optional<ModelPack> pack = isPack ? Optional.of(ModelPack.load(folder)) : Optional.empty();
        try (OnnxDecoder decoder = pack.map(p -> p.openDecoder(2))
                .orElseGet(() -> OnnxDecoder.load(folder.resolve("model.onnx"), 2));
             HuggingFaceTokenText text = pack.map(ModelPack::openTokenizer)
                     .orElseGet(() -> new HuggingFaceTokenText(folder.resolve("tokenizer.json")))) {
            Generator generator = new Generator(decoder, text);
            // a pack is measured on the prompt the kiosk gives it: brand voice, one answer's facts, the question
            Reply template = new Reply("where is the garden hose", "product_location", java.util.Map.of(),
                    "The Garden Hose 50 ft is in aisle 15.", 1.0, false, Optional.of("15"), java.util.Map.of());
            long[] prompt = pack.map(p -> p.promptTokens(text, GroundedPhrasing.messages(template.heard(), template)))
                    .orElseGet(() -> text.encode("The garden hose is in aisle fifteen, and the nozzles are right "
                            + "next to it."));
            GenerationOptions options = GenerationOptions.greedy(tokens, Set.of());
            generator.generate(prompt, options, piece -> { }, () -> false); // warm-up
            double[] firstToken = new double[runs];
            double[] perSecond = new double[runs];
            for (int i = 0; i < runs; i++) {
                Generation generation = generator.generate(prompt, options, piece -> { }, () -> false);
                firstToken[i] = generation.firstTokenMillis();
                perSecond[i] = generation.tokensPerSecond();
            }
            out.println("| model | prompt tokens | generated | time to first token p50 ms | tokens/s p50 |");
            out.println("|---|---|---|---|---|");
            out.printf("| %s | %d | %d | %.1f | %.0f |%n", pack.map(p -> p.name() + " (pack)")
                    .orElse(folder.getFileName().toString()), prompt.length, tokens,
                    Percentiles.of(firstToken, 50), Percentiles.of(perSecond, 50));
        }
        return 0;
    }
}
