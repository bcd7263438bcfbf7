package kiosk.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: values are bounded where they are read, and a store that would lose knowledge in bulk is refused by the
 * one verdict that check, reload and start share.
 */
class StoreBoundsTest {

    private static final String HEADER = "sku,name,aliases,department,aisle,price,stock\n";
    private static final String STORE = "name: Test Store\nhours:\n  mon: \"08:00-20:00\"\n  tue: closed\n"
            + "  wed: \"08:00-20:00\"\n  thu: \"08:00-20:00\"\n  fri: \"08:00-20:00\"\n  sat: \"08:00-20:00\"\n"
            + "  sun: closed\n";
    private static final String FAQ = "- id: returns\n  questions: [can I return this]\n  answer: Within 90 days.\n";

    @TempDir
    Path dir;

    /** Finding 1 and 7: a price of 2^63 or 1e308, 8 decimals, aisle 99999999999 and such stock are not served. */
    @Test
    void pricesAislesAndStockOutOfRangeAreRejectedWithFileAndLine() throws IOException {
        Path store = store("values", HEADER
                + "A1,Hammer,,Tools,7,9223372036854775808,5\n"
                + "A2,Saw,,Tools,7,1e308,5\n"
                + "A3,Level,,Tools,7,14.98765432,5\n"
                + "A4,Drill,,Tools,99999999999,49.99,5\n"
                + "A5,Wrench,,Tools,7,12.97,99999999999\n"
                + "A6,Pliers,,Tools,7,9.99,3\n", FAQ);
        LoadResult result = StoreLoader.load(store);
        assertProblem(result, "catalog.csv:2: price '9223372036854775808' of A1 is out of range: at most 100000");
        assertProblem(result, "catalog.csv:3: price '1e308' of A2 is not a number like 4.99");
        assertProblem(result, "catalog.csv:4: price '14.98765432' of A3 has 8 decimals; at most 2");
        assertProblem(result, "catalog.csv:5: aisle of A4: '99999999999' is out of range");
        assertProblem(result, "catalog.csv:6: stock 99999999999 of A5 is out of range");
        assertEquals(List.of("Pliers"), result.knowledge().orElseThrow().products().stream().map(Product::name)
                .toList(), "only the sound row serves");
    }

    /** Finding 6: impossible hours are errors, and the kiosk knows it does not know them (not "closed"). */
    @Test
    void impossibleHoursAreErrorsAndTheirDaysAreUnknownNotClosed() throws IOException {
        Path store = store("hours", HEADER + "A1,Hammer,,Tools,7,16.97,5\n", FAQ);
        Files.writeString(store.resolve("store.yaml"), STORE.replace("mon: \"08:00-20:00\"", "mon: \"25:99-99:00\"")
                .replace("wed: \"08:00-20:00\"", "wed: \"21:00-08:00\"")
                .replace("thu: \"08:00-20:00\"", "thu: \"24/7\""));
        LoadResult result = StoreLoader.load(store);
        assertProblem(result, "store.yaml:3: hours '25:99-99:00' for mon: 25:99 is not a time of day");
        assertProblem(result, "store.yaml:5: hours '21:00-08:00' for wed: opens at 21:00, not before it closes");
        assertProblem(result, "store.yaml:6: hours '24/7' for thu: not two times of day");
        StoreKnowledge knowledge = result.knowledge().orElseThrow();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            assertTrue(knowledge.hoursUnknownOn(day), day + " is unknown");
            assertTrue(knowledge.hoursOn(day).isEmpty(), day + " has no hours to say");
        }
        assertFalse(knowledge.hoursUnknownOn(DayOfWeek.TUESDAY), "tuesday is closed, as the file says");
        assertTrue(knowledge.hoursOn(DayOfWeek.FRIDAY).isPresent());
        assertTrue(StoreLoader.parseRange("08:00-24:00", new StringBuilder()).isPresent(), "closing at midnight");
    }

    /** Finding 7: 20,000 repeated questions are kept once each and reported, in bounded time. */
    @Test
    void repeatedFaqQuestionsAreKeptOnceAndPhrasingsAreCapped() throws IOException {
        String repeated = IntStream.range(0, 20_000).mapToObj(i -> "    - where is the toilet " + (i % 3))
                .collect(Collectors.joining("\n"));
        String many = IntStream.range(0, 80).mapToObj(i -> "    - question number " + i)
                .collect(Collectors.joining("\n"));
        Path store = store("faq", HEADER + "A1,Hammer,,Tools,7,16.97,5\n", FAQ
                + "- id: toilets\n  answer: At the front.\n  questions:\n" + repeated + "\n"
                + "- id: many\n  answer: Yes.\n  questions:\n" + many + "\n"
                + "- id: copy\n  answer: Somewhere.\n  questions: [where is the toilet 1]\n");
        long started = System.nanoTime();
        LoadResult result = StoreLoader.load(store);
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "loading took more than 5 s");
        List<FaqEntry> faqs = result.knowledge().orElseThrow().faqs();
        assertEquals(3, faqs.get(1).questions().size(), "each of the 3 distinct phrasings once");
        assertEquals(FaqReader.MAX_PHRASINGS_PER_ENTRY, faqs.get(2).questions().size());
        assertProblem(result, "FAQ 'toilets' repeats 19997 of its questions; each is kept once");
        assertProblem(result, "FAQ 'many' has more than 50 questions; the first 50 are kept, 30 left out");
        assertProblem(result, "FAQ 'copy' has questions that FAQ 'toilets' already has");
        assertProblem(result, "FAQ 'copy' has no question left; skipped");
    }

    /** Finding 2: what a reload used to accept and serve 0 products from is refused, with the reason. */
    @Test
    void storesThatWouldLoseKnowledgeInBulkAreRefused() throws IOException {
        String rows = IntStream.range(0, 40).mapToObj(i -> "A" + i + ",Thing " + i + ",,Tools,7,1.99,5")
                .collect(Collectors.joining("\n")) + "\n";
        LastGoodStore lastGood = new LastGoodStore(dir.resolve("state"));
        Path good = store("good", HEADER + rows, FAQ);
        LastGoodStore.Judgement sound = lastGood.judge(good, 5);
        assertInstanceOf(StoreVerdict.Sound.class, sound.verdict(), sound.loaded().problems().toString());
        lastGood.remember(good, sound.loaded().knowledge().orElseThrow());

        assertRefused(lastGood, store("header-only", HEADER, FAQ), "catalog.csv: has a header but no product rows");
        Path missing = store("missing", HEADER, FAQ);
        Files.delete(missing.resolve("catalog.csv"));
        assertRefused(lastGood, missing, "catalog.csv: missing");
        Path utf16 = store("utf16", "", FAQ);
        Files.write(utf16.resolve("catalog.csv"), (HEADER + rows).getBytes(StandardCharsets.UTF_16));
        assertRefused(lastGood, utf16, "catalog.csv: is encoded as UTF-16");
        String all = HEADER + rows;
        assertRefused(lastGood, store("cut", all.substring(0, all.length() - 12), FAQ), "the file looks cut off");
        assertRefused(lastGood, store("shorter", HEADER + rows.lines().limit(12).collect(Collectors.joining("\n"))
                + "\n", FAQ), "would go from 40 to 12 products");
        assertRefused(lastGood, store("negative", HEADER + rows.replace(",1.99,", ",-1.99,"), FAQ),
                "40 of 40 rows rejected, more than the 5 % allowed");
        Path randomFaq = store("random-faq", HEADER + rows, "");
        Files.write(randomFaq.resolve("faq.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, (byte) 0xFF});
        assertRefused(lastGood, randomFaq, "faq.yaml: holds NUL bytes");
        assertRefused(lastGood, store("three-bad", HEADER + rows.replace("A3,Thing 3,,Tools,7,1.99,5", "A3,x,,T,7,?,1")
                .replace("A4,Thing 4,,Tools,7,1.99,5", "A4,y,,T,7,1,?").replace("A5,Thing 5,", "A0,Thing 5,"), FAQ),
                "3 of 40 rows rejected");
        assertInstanceOf(StoreVerdict.Sound.class, lastGood.judge(store("two-bad", HEADER
                + rows.replace("A3,Thing 3,,Tools,7,1.99,5", "A3,x,,T,7,?,1").replace(",Thing 4,", ",,"), FAQ), 5)
                .verdict(), "2 of 40 (5 %) rejected is within the 5 %");
    }

    /** A FIFO would block the reader; a file over the limit would fill the memory: neither is read. */
    @Test
    void aFifoOrAnOversizedFileIsNotRead() throws IOException, InterruptedException {
        Path store = store("fifo", "", FAQ);
        Files.delete(store.resolve("catalog.csv"));
        Process mkfifo = new ProcessBuilder("mkfifo", store.resolve("catalog.csv").toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        long started = System.nanoTime();
        assertProblem(StoreLoader.load(store), "catalog.csv: is not an ordinary file");
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "the FIFO was waited on");
        List<Problem> problems = new java.util.ArrayList<>();
        Path big = dir.resolve("big.yaml");
        try (var out = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            out.setLength(TextFile.MAX_YAML_BYTES + 1);
        }
        assertTrue(TextFile.read(big, true, problems).isEmpty());
        assertTrue(problems.get(0).toString().endsWith("is 2.0 MB; the kiosk reads files of at most 2.0 MB"),
                problems.toString());
    }

    private static void assertRefused(LastGoodStore lastGood, Path store, String reason) {
        StoreVerdict verdict = lastGood.judge(store, 5).verdict();
        StoreVerdict.Refused refused = assertInstanceOf(StoreVerdict.Refused.class, verdict, store + " was sound");
        assertTrue(refused.summary().replace('\\', '/').contains(reason), "expected '" + reason + "' in "
                + refused.summary());
    }

    private Path store(String name, String catalog, String faq) throws IOException {
        Path store = Files.createDirectories(dir.resolve(name));
        Files.writeString(store.resolve("store.yaml"), STORE);
        Files.writeString(store.resolve("catalog.csv"), catalog);
        Files.writeString(store.resolve("faq.yaml"), faq);
        return store;
    }

    private static void assertProblem(LoadResult result, String expected) {
        assertTrue(result.problems().stream().anyMatch(problem -> problem.toString().replace('\\', '/')
                .contains(expected)), "expected a problem containing \"" + expected + "\" in " + result.problems());
    }
}
