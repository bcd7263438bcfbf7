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

import kiosk.hardware.PrintableText;
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

    /** The most a price may be: higher is a typo or a unit mix-up (cents), and too large to say. */
    static final BigDecimal MAX_PRICE = new BigDecimal("100000");
    /** The most items of one product a store may report in stock. */
    static final int MAX_STOCK = 1_000_000;
    // compiled once, not by String.matches at every row: a cold start reads every row once, in interpreted code
    private static final java.util.regex.Pattern STOCK = java.util.regex.Pattern.compile("-?\\d{1,18}");
    private static final java.util.regex.Pattern PRICE = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+|-.*");

    /** The products of {@code file}; how many rows it had and how many were rejected goes to {@code tallies}. */
    static List<Product> read(Path file, List<Problem> problems, List<FileTally> tallies) {
        Optional<String> text = TextFile.read(file, true, TextFile.MAX_CSV_BYTES, problems);
        if (text.isEmpty()) {
            tallies.add(FileTally.unusable(file, problems, "missing"));
            return List.of();
        }
        String[] lines = text.get().split("\r?\n", -1);
        if (!checkHeader(file, lines[0], problems)) {
            tallies.add(FileTally.unusable(file, problems, "has no usable header"));
            return List.of();
        }
        List<Product> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        int[] rows = {0};
        int next = 1;
        while (next < lines.length) {
            next = readFrom(file, lines, next, products, skus, rows, problems);
        }
        if (rows[0] == 0) {
            tallies.add(FileTally.unusable(file, "has a header but no product rows"));
        } else if (cutOff(lines)) {
            tallies.add(FileTally.unusable(file, "ends in the middle of row " + (lines.length)
                    + " (fewer fields than the header, no line end): the file looks cut off"));
        } else {
            tallies.add(FileTally.of(file, rows[0], rows[0] - products.size()));
        }
        return products;
    }

    /** A last line without its line end and with fewer fields than the header: a copy or export cut short. */
    private static boolean cutOff(String[] lines) {
        String last = lines[lines.length - 1];
        return !last.isBlank() && last.split(",", -1).length < lines[0].split(",", -1).length;
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
                                int[] rows, List<Problem> problems) {
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
                    rows[0]++;
                    problems.add(new Problem(file, badLine, "broken quoting (" + firstSentence(e)
                            + "); row skipped"));
                    return badLine; // resume after the broken line (0-based index of the next line)
                }
                int line = (int) (lineOffset + lineBefore + 1);
                rows[0]++;
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
        Optional<String> badPrice = priceProblem(priceText);
        if (badPrice.isPresent()) {
            problems.add(new Problem(file, line, "price '" + priceText + "' of " + sku + " " + badPrice.get()
                    + "; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        BigDecimal price = new BigDecimal(priceText);
        String stockText = field(record, columns, "stock");
        if (!STOCK.matcher(stockText).matches()) {
            problems.add(new Problem(file, line, "stock '" + stockText + "' of " + sku
                    + " is not a whole number; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        long stockNumber = Long.parseLong(stockText);
        if (stockNumber > MAX_STOCK) {
            problems.add(new Problem(file, line, "stock " + stockText + " of " + sku + " is out of range: at most "
                    + MAX_STOCK + "; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        if (stockNumber < 0) {
            problems.add(new Problem(file, line, "stock " + stockText + " of " + sku + " is negative; read as 0"));
            stockNumber = 0;
        }
        int stock = (int) stockNumber;
        String aisleText = field(record, columns, "aisle");
        Optional<String> badAisle = aisleText.isEmpty() ? Optional.empty() : Aisles.problem(aisleText);
        if (badAisle.isPresent()) {
            problems.add(new Problem(file, line, "aisle of " + sku + ": " + badAisle.get() + "; row skipped"));
            skus.remove(sku);
            return Optional.empty();
        }
        List<String> aliases = Arrays.stream(field(record, columns, "aliases").split("\\|"))
                .map(String::strip).filter(alias -> !alias.isEmpty()).toList();
        Integer descriptionColumn = columns.get("description");
        String description = descriptionColumn != null && descriptionColumn < record.size()
                ? PrintableText.line(record.get(descriptionColumn)).strip() : "";
        return Optional.of(new Product(sku, name, aliases, field(record, columns, "department"),
                aisleText.isEmpty() ? Optional.empty() : Optional.of(aisleText), price, stock, description));
    }

    /**
     * Why a price text cannot be a price: a plain decimal from 0 (a free service, such as paint colour matching) to
     * {@link #MAX_PRICE}, with at most 2 decimals.
     */
    static Optional<String> priceProblem(String text) {
        if (!PRICE.matcher(text).matches()) {
            return Optional.of("is not a number like 4.99");
        }
        BigDecimal price;
        try {
            price = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return Optional.of("is not a number like 4.99");
        }
        if (price.signum() < 0) {
            return Optional.of("is negative");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            return Optional.of("is out of range: at most " + MAX_PRICE.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > 2) {
            return Optional.of("has " + price.stripTrailingZeros().scale() + " decimals; at most 2 (cents)");
        }
        return Optional.empty();
    }

    /** A field without terminal escapes or control characters: it is shown, spoken and logged. */
    private static String field(CSVRecord record, Map<String, Integer> columns, String column) {
        return PrintableText.line(record.get(columns.get(column))).strip();
    }

    private static String firstSentence(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        int cut = message.indexOf(" at line");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
