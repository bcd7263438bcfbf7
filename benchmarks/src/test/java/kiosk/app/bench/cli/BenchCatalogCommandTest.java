package kiosk.app.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import kiosk.app.store.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk bench catalog} asks for every product by each of its names, through the kiosk's real answers. */
class BenchCatalogCommandTest {

    @Test
    void eachNameIsAskedWhereHowMuchAndInStock() {
        Product cord = new Product("1", "Extension Cord 25 ft", List.of("power cord"), "Electrical",
                Optional.of("1"), new BigDecimal("14.98"), 10);
        assertEquals(List.of("where is the Extension Cord 25 ft", "how much is the Extension Cord 25 ft",
                "is the Extension Cord 25 ft in stock", "where is the power cord", "how much is the power cord",
                "is the power cord in stock"), BenchCatalogCommand.questions(cord));
    }

    @Test
    void everyProductOfTheGardenCentreIsFoundByEachOfItsNames(@TempDir Path state) throws IOException {
        StringWriter out = new StringWriter();
        CommandLine line = BenchMain.commandLine();
        line.setOut(new PrintWriter(out, true));
        Path json = state.resolve("catalog.json");
        assertEquals(0, line.execute("--state", state.toString(), "bench", "catalog", "--json", json.toString(),
                "../kiosk/src/test/resources/stores/garden-centre"));
        String written = Files.readString(json);
        assertTrue(written.contains("\"questions\":63"), written);
        assertTrue(written.contains("\"answered_with_the_product\":63"), out + "\n" + written);
        assertTrue(out.toString().contains("| 8 | 63 | 63 (100.0 %) | 0 | 0 |"), out.toString());
    }
}
