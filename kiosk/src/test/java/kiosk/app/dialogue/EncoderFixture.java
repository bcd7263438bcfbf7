package kiosk.app.dialogue;

import java.nio.file.Files;
import java.nio.file.Path;

import kiosk.model.SentenceEncoder;

/** The real quantized encoder the build unpacked, loaded once for all dialogue tests. */
public final class EncoderFixture {

    private static SentenceEncoder encoder;

    private EncoderFixture() {
    }

    public static synchronized SentenceEncoder encoder() throws java.io.IOException {
        if (encoder == null) {
            encoder = SentenceEncoder.builder()
                    .modelFolder(Path.of(System.getProperty("kiosk.models", "../target/models"), "all-minilm-l6-v2-q"))
                    .tokenizerCacheDir(Files.createTempDirectory("djl-cache"))
                    .build();
        }
        return encoder;
    }
}
