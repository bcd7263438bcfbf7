package kiosk.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLoaderTest {

    static final String HEADER = "sku,name,aliases,department,aisle,price,stock\n";
    static final String STORE = "name: Test Store\nhours:\n  mon: \"08:00-20:00\"\n  sun: closed\n";

    @TempDir
    Path store;

    @Test
    void theDemoStoreLoadsCleanly() {
        LoadResult result = StoreLoader.load(Path.of("demo-store"));
        assertEquals(List.of(), result.problems());
        StoreKnowledge knowledge = result.knowledge().orElseThrow();
        assertTrue(knowledge.products().size() >= 200, "a few hundred products");
        assertTrue(knowledge.faqs().size() >= 10, "at least ten FAQ entries");
        assertEquals(7, knowledge.hours().size());
    }

    @Test
    void aStoreWrittenBySomeoneElseLoads() {
        LoadResult result = StoreLoader.load(Path.of("src/test/resources/stores/garden-centre"));
        assertEquals(List.of(), result.problems());
        StoreKnowledge knowledge = result.knowledge().orElseThrow();
        assertTrue(knowledge.hoursOn(DayOfWeek.MONDAY).isEmpty(), "Monday is closed");
        assertEquals("Terracotta Pot, 20 cm", knowledge.products().get(7).name(), "quoted commas are kept");
    }

    @Test
    void badRowsAreReportedWithLineAndReasonAndTheRestLoads() throws IOException {
        write("store.yaml", STORE);
        write("catalog.csv", HEADER
                + "A1,Hammer,,Tools,7,16.97,5\n"
                + "A2,Saw,,Tools,7,-3.00,5\n"
                + "A1,Duplicate Hammer,,Tools,7,1.00,1\n"
                + "A3,\"Broken \"quote\" here,,Tools,7,2.00,1\n"
                + "A4,Wrench,,Tools,7,12.97,many\n"
                + "A5,Level,,Tools,7,14.97,3\n");
        LoadResult result = StoreLoader.load(store);
        List<String> names = result.knowledge().orElseThrow().products().stream().map(Product::name).toList();
        assertEquals(List.of("Hammer", "Level"), names);
        assertProblem(result, "catalog.csv:3: price '-3.00' of A2 is negative");
        assertProblem(result, "catalog.csv:4: duplicate sku 'A1'");
        assertProblem(result, "catalog.csv:5: broken quoting");
        assertProblem(result, "catalog.csv:6: stock 'many' of A4 is not a whole number");
        assertEquals(new BigDecimal("16.97"), result.knowledge().get().products().get(0).price());
    }

    @Test
    void aMissingHeaderColumnIsNamedWithAHint() throws IOException {
        write("store.yaml", STORE);
        write("catalog.csv", "sku,name,alias,department,aisle,price,stock\nA1,Hammer,,Tools,7,1.00,1\n");
        write("faq.yaml", "- id: x\n  questions: [q]\n  answer: a\n");
        LoadResult result = StoreLoader.load(store);
        assertProblem(result, "catalog.csv:1: header lacks [aliases (did you mean 'alias'?)]");
        assertTrue(result.knowledge().isPresent(), "the FAQ still serves");
    }

    @Test
    void unknownWeekdaysBadHoursAndUnknownKeysAreNamed() throws IOException {
        write("store.yaml", "name: Test\nhuors: x\nhours:\n  mon: \"08:00-20:00\"\n  tuesday: \"09:00-17:00\"\n"
                + "  funday: \"09:00-17:00\"\n  wed: \"9am till late\"\n");
        write("catalog.csv", HEADER + "A1,Hammer,,Tools,7,1.00,1\n");
        LoadResult result = StoreLoader.load(store);
        assertProblem(result, "store.yaml:2: unknown key 'huors' (did you mean 'hours'?)");
        assertProblem(result, "store.yaml:6: unknown weekday 'funday'");
        assertProblem(result, "store.yaml:7: hours '9am till late' for wed");
        assertTrue(result.knowledge().get().hoursOn(DayOfWeek.TUESDAY).isPresent(), "'tuesday' is read as tue");
    }

    @Test
    void emptyAndNonUtf8FilesAreNamed() throws IOException {
        write("store.yaml", STORE);
        Files.write(store.resolve("catalog.csv"), (HEADER + "A1,Caf\u00e9 Table,,Home,3,99.00,2\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(store.resolve("faq.yaml"), new byte[0]);
        LoadResult result = StoreLoader.load(store);
        assertProblem(result, "catalog.csv:2: is not valid UTF-8; read as Latin-1");
        assertProblem(result, "faq.yaml: is empty (0 bytes)");
        assertEquals("Caf\u00e9 Table", result.knowledge().orElseThrow().products().get(0).name(), "nothing is lost");
    }

    @Test
    void aFaqWithoutAnswerAndBrokenYamlAreReported() throws IOException {
        write("store.yaml", STORE);
        write("catalog.csv", HEADER + "A1,Hammer,,Tools,7,1.00,1\n");
        write("faq.yaml", "- id: returns\n  questions: [can I return this]\n- id: ok\n  questions: [q]\n  answer: yes\n");
        assertProblem(StoreLoader.load(store), "faq.yaml:1: FAQ 'returns' has no answer; skipped");
        write("faq.yaml", "- id: returns\n  questions: [unclosed\n");
        assertProblem(StoreLoader.load(store), "faq.yaml:3: is not valid YAML");
    }

    @Test
    void aFolderThatCannotLoadAtAllSaysWhy() throws IOException {
        LoadResult missing = StoreLoader.load(store.resolve("nowhere"));
        assertTrue(missing.knowledge().isEmpty());
        write("catalog.csv", HEADER + "A1,Hammer,,Tools,7,1.00,1\n");
        LoadResult noStoreFile = StoreLoader.load(store);
        assertTrue(noStoreFile.knowledge().isEmpty());
        assertProblem(noStoreFile, "store.yaml: missing");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(store.resolve(name), content);
    }

    private static void assertProblem(LoadResult result, String expected) {
        assertTrue(result.problems().stream().anyMatch(problem -> problem.toString().replace('\\', '/')
                        .contains(expected)),
                "expected a problem containing \"" + expected + "\" in " + result.problems());
    }
}
