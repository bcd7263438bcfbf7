package kiosk.app.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a store folder with a large generated catalog, for the scale benchmark. */
public final class SyntheticCatalog {

    private static final String[] BRANDS = {"Acme", "Northfield", "Ridgeline", "Bolt", "Harbor", "Summit", "Keystone",
            "Oakmont", "Pioneer", "Granite", "Redwood", "Lakeside", "Ironclad", "Evergreen", "Copperhead", "Bluewater"};
    private static final String[] ADJECTIVES = {"Heavy Duty", "Compact", "Cordless", "Stainless", "Galvanized",
            "Outdoor", "Indoor", "Professional", "Classic", "Premium", "Lightweight", "Folding", "Adjustable",
            "Waterproof", "Rechargeable", "Magnetic", "Insulated", "Reinforced", "Quick Release", "Soft Grip"};
    private static final String[] NOUNS = {"Hammer", "Drill", "Saw", "Wrench", "Screwdriver", "Hose", "Ladder", "Lamp",
            "Bulb", "Battery", "Tape", "Glue", "Brush", "Roller", "Bucket", "Shovel", "Rake", "Gloves", "Mask", "Fan",
            "Heater", "Lock", "Hinge", "Chain", "Rope", "Cable", "Switch", "Outlet", "Faucet", "Valve", "Filter",
            "Pump", "Sprayer", "Cutter", "Clamp", "Level", "Sander", "Grinder", "Trimmer", "Blower", "Bin", "Shelf",
            "Hook", "Bracket", "Anchor", "Screw", "Bolt", "Nail", "Washer", "Sealant"};
    private static final String[] SIZES = {"Small", "Medium", "Large", "XL", "2 Pack", "4 Pack", "10 Pack", "12 Inch",
            "24 Inch", "50 ft", "1 Gallon", "1 Quart", "20V", "12V"};

    private SyntheticCatalog() {
    }

    /** Creates {@code folder} with store.yaml, faq.yaml and a catalog of {@code rows} products; returns the names. */
    public static List<String> write(Path folder, int rows, long seed) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("store.yaml"), """
                name: Scale Test Store
                greeting: Hello!
                hours:
                  mon: "08:00-21:00"
                  sun: closed
                """);
        Files.writeString(folder.resolve("faq.yaml"), """
                - id: returns
                  questions: [what is your return policy]
                  answer: Returns within 90 days with a receipt.
                """);
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(rows);
        try (Writer writer = Files.newBufferedWriter(folder.resolve("catalog.csv"));
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord("sku", "name", "aliases", "department", "aisle", "price", "stock");
            for (int i = 0; i < rows; i++) {
                String noun = NOUNS[random.nextInt(NOUNS.length)];
                String name = BRANDS[random.nextInt(BRANDS.length)] + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
                        + " " + noun + " " + SIZES[random.nextInt(SIZES.length)] + " " + (100 + random.nextInt(900));
                names.add(name);
                csv.printRecord("SKU-" + i, name, noun.toLowerCase(), noun + "s", 1 + random.nextInt(40),
                        String.format("%d.%02d", 1 + random.nextInt(300), random.nextInt(100)), random.nextInt(50));
            }
        }
        return names;
    }
}
