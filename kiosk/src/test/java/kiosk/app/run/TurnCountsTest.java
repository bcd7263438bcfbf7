package kiosk.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import kiosk.speech.Audio;
import kiosk.speech.AudioChunk;
import kiosk.speech.AudioSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, finding 7: what the kiosk keeps on disk is not lost over a corrupt file or a restart. */
class TurnCountsTest {

    @TempDir
    Path state;

    @Test
    void aCorruptReportIsKeptAsideInsteadOfSilentlyReset() throws IOException {
        Path report = state.resolve("report.json");
        String corrupt = "{\"since\":\"2026-11-01T08:00:00Z\",\"turns\":78,\"by_int";
        Files.writeString(report, corrupt);
        TurnCounts counts = TurnCounts.open(report);
        assertEquals(0, counts.report().turns(), "counting starts again");
        List<Path> aside;
        try (Stream<Path> files = Files.list(state)) {
            aside = files.filter(file -> file.getFileName().toString().startsWith("report.json.corrupt-")).toList();
        }
        assertEquals(1, aside.size(), "the unreadable file is kept under another name");
        assertEquals(corrupt, Files.readString(aside.get(0)), "with the 78 turns in it, for a person to recover");
        counts.answered("product_location");
        assertEquals(1, TurnCounts.read(report).orElseThrow().turns());
    }

    @Test
    void replyFilesGoOnNumberingAfterARestart() throws IOException {
        Path folder = state.resolve("replies");
        Replies first = Replies.toFiles(folder);
        for (int i = 0; i < 3; i++) {
            try (AudioSink sink = first.open()) {
                sink.write(new AudioChunk(Audio.silence(100).format(), Audio.silence(100).pcm(), 0));
            }
        }
        Replies afterRestart = Replies.toFiles(folder);
        try (AudioSink sink = afterRestart.open()) {
            sink.write(new AudioChunk(Audio.silence(100).format(), Audio.silence(100).pcm(), 0));
        }
        assertEquals(folder.resolve("reply-004.wav"), afterRestart.last().orElseThrow());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(4, files.count(), "reply-001 … reply-003 are still there");
        }
        assertTrue(Files.size(folder.resolve("reply-001.wav")) > 44);
    }
}
