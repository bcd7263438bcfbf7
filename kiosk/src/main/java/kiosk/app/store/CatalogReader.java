package kiosk.app.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code catalog.csv} ({@code sku,name,aliases,department,aisle,price,stock} and an optional
 * {@code description}, aliases separated by |) with
 * Commons CSV. A row with a bad value is reported and skipped; a quoting error is reported and reading resumes on
 * the next line, so one broken export line does not hide the rest of the catalog.
 */
final class CatalogReader {

    static final List<String> COLUMNS = List.of("sku", "name", "aliases", "department", "aisle", "price", "stock");

    private CatalogReader() {
    }

    static List<Product> read(Path file, List<Problem> problems) {
        Optional<String> text = TextFile.read(file, true, problems);
        if (text.isEmpty()) {
            return List.of();
        }
        String[] lines = text.get().split("\r?\n", -1);
        if (!checkHeader(file, lines[0], problems)) {
            return List.of();
        }
        List<Product> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        int next = 1;
        while (next < lines.length) {
            next = readFrom(file, lines, next, products, skus, problems);
        }
        return products;
    }

    private static boolean checkHeader(Path file, String headerLine, List<Problem> problems) {
        List<String> header = Arrays.stream(headerLine.split(",")).map(h -> h.strip().toLowerCase()).toList();
        List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            String hints = missing.stream().map(column -> column + DidYouMean.hint(column, header)).toList().toString();
            problems.add(new Problem(file, 1, "header lacks " + hints + "; expected the header "
                    + String.join(",", COLUMNS) + "; no product loaded"));
            return false;
        }
        return true;
    }

    /** Parses from line index {@code first} (0-based) to the end or to a quoting error; returns where to go on. */
    private static int readFrom(Path file, String[] lines, int first, List<Product> products, Set<String> skus,
                                List<Problem> problems) {
        String headerLine = lines[0];
        String body = String.join("\n", Arrays.copyOfRange(lines, first, lines.length));
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(headerLine.split(",")).setSkipHeaderRecord(false).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        long lineOffset = first;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, Integer> columns = normalizedColumns(parser.getHeaderMap());
            var iterator = parser.iterator();
            while (true) {
                long lineBefore = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        return lines.length;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int badLine = (int) (lineOffset + lineBefore + 1);
                    problems.add(new Problem(file, badLine, "broken quoting (" + firstSentence(e)
                            + "); row skipped"));
                    return badLine; // resume after the broken line (0-based index of the next line)
                }
                int line = (int) (lineOffset + lineBefore + 1);
                toProduct(file, line, record, columns, skus, problems).ifPresent(products::add);
            }
        } catch (IOException e) {
            problems.add(new Problem(file, first + 1, "cannot be parsed as CSV: " + e.getMessage()));
            return lines.length;
        }
    }

    private static Map<String, Integer> normalizedColumns(Map<String, Integer> headerMap) {
        Map<String, Integer> columns = new java.util.HashMap<>();
        headerMap.forEach((name, index) -> columns.put(name.strip().toLowerCase(), index));
        return columns;
    }

    private static Optional<Product> toProduct(Path file, int line, CSVRecord record, Map<String, Integer> columns,
                                               Set<String> skus, List<Problem> problems) {
        // description is optional, also per row: a row may end before it
        int required = columns.entrySet().stream().filter(column -> COLUMNS.contains(column.getKey()))
                .mapToInt(Map.Entry::getValue).max().orElse(0) + 1;
        if (record.size() < required) {
            problems.add(new Problem(file, line, "has " + record.size() + " fields, expected " + columns.size()
                    + "; row skipped"));
            return Optional.empty();
        }
        String sku = field(record, columns, "sku");
        String name = field(record, columns, "name");
        if (sku.isEmpty() || name.isEmpty()) {
            problems.add(new Problem(file, line, "has no " + (sku.isEmpty() ? "sku" : "name") + "; row skipped"));
            return Optional.empty();
        }
        if (!skus.add(sku)) {
            problems.add(new Problem(file, line, "duplicate sku '" + sku + "'; the first row with it is kept"));
            return Optional.empty();
        }
        String priceText = field(record, columns, "price").replace("$", "");
        BigDecimal price;
        try {
            price = new BigDecimal(priceText);
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, line, "price '" + priceText + "' of " + sku + " is not a number; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        if (price.signum() < 0) {
            problems.add(new Problem(file, line, "price '" + priceText + "' of " + sku + " is negative; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        String stockText = field(record, columns, "stock");
        int stock;
        try {
            stock = Integer.parseInt(stockText);
        } catch (NumberFormatException e) {
            problems.add(new Problem(file, line, "stock '" + stockText + "' of " + sku
                    + " is not a whole number; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        if (stock < 0) {
            problems.add(new Problem(file, line, "stock " + stock + " of " + sku + " is negative; read as 0"));
            stock = 0;
        }
        List<String> aliases = Arrays.stream(field(record, columns, "aliases").split("\\|"))
                .map(String::strip).filter(alias -> !alias.isEmpty()).toList();
        String aisle = field(record, columns, "aisle");
        Integer descriptionColumn = columns.get("description");
        String description = descriptionColumn != null && descriptionColumn < record.size()
                ? record.get(descriptionColumn).strip() : "";
        return Optional.of(new Product(sku, name, aliases, field(record, columns, "department"),
                aisle.isEmpty() ? Optional.empty() : Optional.of(aisle), price, stock, description));
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String column) {
        return record.get(columns.get(column)).strip();
    }

    private static String firstSentence(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        int cut = message.indexOf(" at line");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
