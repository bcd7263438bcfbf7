package kiosk.app.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import kiosk.app.store.Product;
import kiosk.model.SentenceEncoder;
import kiosk.model.VectorIndex;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the products a shopper means, by fusing two signals:
 * <ul>
 *   <li>lexical: the product's name or an alias covered by the shopper's words, weighted by how rare each word is,
 *       tolerant of recognition slips (one letter off, or a sound-alike: "duck tape" finds "duct tape");</li>
 *   <li>semantic: the sentence encoder's cosine between the shopper's words and what the store knows of the
 *       product: its name, aliases, department and what it is for ({@link #document}), so "something to cut
 *       branches" finds the pruning shears.</li>
 * </ul>
 * Product vectors are computed at load for catalogs up to {@value #EAGER_VECTORS} products; larger catalogs are
 * searched lexically and only the lexical candidates are re-ranked, their vectors cached as they are first needed.
 */
public final class ProductMatcher {

    static final int EAGER_VECTORS = 1000;
    /** With lazily computed vectors, only this many lexical candidates are re-ranked (each costs an encoding). */
    static final int LAZY_RERANK = 3;
    private static final double FUZZY_WEIGHT = 0.8;
    private static final int MAX_CANDIDATES = 40;
    private static final int SEMANTIC_CANDIDATES = 8;
    /** Products kept among the candidates for their description alone, beyond the fused score's best. */
    private static final int PURPOSE_CANDIDATES = 2;
    /** A phrase's words all said (exactly: a slip weighs less than 1). */
    private static final double WHOLE_PHRASE = 0.999;
    /** A plain name whose rarest word is in more product names than this is not looked at as a name of its own. */
    private static final int PLAIN_NAME_SHARED = 64;
    /** A name without its size said whole weighs this much of the whole name said. */
    private static final double PLAIN_NAME_WEIGHT = 0.9;
    /**
     * A size in a product's name: a word with a digit in it ("3.5", "2x4", "#8", "1-1/2", "256GB", "4K") and the
     * measure or count word after it, if any ("oz", "inch", "Pack", "Capsules").
     */
    private static final java.util.regex.Pattern SIZE_IN_NAME = java.util.regex.Pattern.compile(
            "(?i)(?<=^|\\s)[#x]?\\S*\\d\\S*(?:\\s+(?:x|by)\\s+\\S*\\d\\S*)*(?:\\s+(?:oz|fl|lbs?|ft|feet|foot|in|inch|inches|"
            + "gal|gallons?|qt|quarts?|mm|cm|m|kg|g|ml|l|liters?|watts?|w|volts?|v|mah|gb|tb|packs?|count|ct|pcs?|"
            + "pieces?|capsules?|tablets?|caplets?|softgels?|gummies|bags?|rolls?|sheets?|cans?|bottles?|grit|"
            + "outlets?|quart|pounds?|ounces?|yards?|yd)\\b)?(?=\\s|$)");
    private static final LevenshteinDistance EDITS = new LevenshteinDistance(2);
    private static final DoubleMetaphone SOUND = new DoubleMetaphone();

    private final List<Product> products;
    private final SentenceEncoder encoder;
    private final int[] phraseProduct;
    /** The first of a product's phrases (name, then aliases: each product's phrases are numbered in a row). */
    private final int[] firstPhrase;
    private final List<List<String>> phraseTokens = new ArrayList<>();
    /** The phrases that are a name without its size ({@link #plainNames}). */
    private final java.util.BitSet plainNamePhrases = new java.util.BitSet();
    /** Each catalog token's phrases, as plain arrays: a common word's run is walked at every lookup. */
    private final Map<String, int[]> postings = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Set<String>> bySound = new HashMap<>();
    private final double unknownIdf;
    private final double[] phraseMass;
    private final VectorIndex productVectors;
    /**
     * What each described product is for, encoded alone: a need ("my dog's breath is awful") is said the way a
     * description is ("freshens a dog's bad breath"), and the name, aliases and department encoded with it drown it.
     * Row {@code i} is product {@code describedProduct[i]}; products without a description have no row.
     */
    private final VectorIndex descriptionVectors;
    private final int[] describedProduct;
    private final int[] descriptionRow;
    private final Map<Integer, float[]> lazyVectors = new ConcurrentHashMap<>();

    public ProductMatcher(List<Product> products, SentenceEncoder encoder) {
        this.products = List.copyOf(products);
        this.encoder = encoder;
        List<Integer> owners = new ArrayList<>();
        Map<String, List<Integer>> phrasesOf = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        this.firstPhrase = new int[products.size() + 1];
        List<List<String>> plainNames = plainNames(products);
        for (int p = 0; p < products.size(); p++) {
            firstPhrase[p] = owners.size();
            Product product = products.get(p);
            Set<String> seenInProduct = new HashSet<>();
            List<String> phrases = new ArrayList<>(product.aliases());
            phrases.add(0, product.name());
            if (!plainNames.get(p).isEmpty()) {
                plainNamePhrases.set(owners.size() + 1);
                phrases.add(1, String.join(" ", plainNames.get(p)));
            }
            for (String phrase : phrases) {
                List<String> tokens = QueryText.nameTokens(phrase);
                if (tokens.isEmpty()) {
                    continue;
                }
                int id = owners.size();
                owners.add(p);
                phraseTokens.add(tokens);
                for (String token : tokens) {
                    phrasesOf.computeIfAbsent(token, t -> new ArrayList<>()).add(id);
                    if (seenInProduct.add(token)) {
                        documentFrequency.merge(token, 1, Integer::sum);
                    }
                }
            }
        }
        firstPhrase[products.size()] = owners.size();
        phrasesOf.forEach((token, ids) -> postings.put(token, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.phraseProduct = owners.stream().mapToInt(Integer::intValue).toArray();
        int n = Math.max(1, products.size());
        documentFrequency.forEach((token, df) -> idf.put(token, Math.log(1 + n / (double) df)));
        this.unknownIdf = Math.log(1 + n);
        this.phraseMass = new double[phraseTokens.size()];
        for (int phrase = 0; phrase < phraseMass.length; phrase++) {
            for (String token : phraseTokens.get(phrase)) {
                phraseMass[phrase] += idf.get(token);
            }
        }
        for (String token : postings.keySet()) {
            if (token.length() >= 4 && !QueryText.isFraction(token)) {
                bySound.computeIfAbsent(SOUND.doubleMetaphone(token), code -> new HashSet<>()).add(token);
            }
        }
        this.descriptionRow = new int[products.size()];
        Arrays.fill(descriptionRow, -1);
        List<Integer> described = new ArrayList<>();
        for (int p = 0; p < products.size() && products.size() <= EAGER_VECTORS; p++) {
            if (!products.get(p).description().isBlank()) {
                descriptionRow[p] = described.size();
                described.add(p);
            }
        }
        this.describedProduct = described.stream().mapToInt(Integer::intValue).toArray();
        if (products.size() <= EAGER_VECTORS) {
            // documents and descriptions in one batch: one encoding pass at load, as before descriptions were kept
            List<String> texts = new ArrayList<>(products.stream().map(ProductMatcher::document).toList());
            described.forEach(p -> texts.add(products.get(p).description()));
            float[][] vectors = encoder.encodeAll(texts);
            this.productVectors = VectorIndex.of(Arrays.copyOfRange(vectors, 0, products.size()));
            this.descriptionVectors = described.isEmpty() ? null
                    : VectorIndex.of(Arrays.copyOfRange(vectors, products.size(), vectors.length));
        } else {
            this.productVectors = null;
            this.descriptionVectors = null;
        }
    }

    /** Two words said for one are joined only into a catalog word at least this long ("webcam", not "into"). */
    private static final int JOINED_WORD_LETTERS = 6;
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z]+");

    /**
     * The shopper's words with two adjacent words joined where together they are one catalog word: "web cams" for the
     * Webcam, "ear buds" for Earbuds; the recognizer and shoppers split compounds that a catalog writes as one word,
     * and neither half names the product. Not where a catalog phrase has the two words side by side ("Bird Seed"
     * stays two words when a "Birdseed Bell" is sold too), nor into a word that frames questions.
     */
    String joinSplitWords(String heard) {
        java.util.regex.Matcher words = WORD.matcher(heard);
        StringBuilder joined = new StringBuilder();
        int copied = 0;
        int previousStart = -1;
        int previousEnd = -1;
        while (words.find()) {
            boolean adjacent = previousEnd >= 0 && words.start() == previousEnd + 1 && heard.charAt(previousEnd) == ' ';
            if (adjacent && joinsIntoOneCatalogWord(heard.substring(previousStart, previousEnd), words.group())) {
                joined.append(heard, copied, previousEnd).append(words.group());
                copied = words.end();
                previousEnd = -1;
                continue;
            }
            previousStart = words.start();
            previousEnd = words.end();
        }
        return joined.append(heard.substring(copied)).toString();
    }

    private boolean joinsIntoOneCatalogWord(String first, String second) {
        String together = QueryText.stem(first + second);
        return together.length() >= JOINED_WORD_LETTERS && postings.containsKey(together)
                && !QueryText.FRAME_WORDS.contains(together)
                && !sideBySide(QueryText.stem(first), QueryText.stem(second));
    }

    /** Whether some catalog phrase holds {@code first} directly followed by {@code second}. */
    private boolean sideBySide(String first, String second) {
        for (int phrase : postings.getOrDefault(first, new int[0])) {
            List<String> tokens = phraseTokens.get(phrase);
            int at = tokens.indexOf(first);
            if (at >= 0 && at + 1 < tokens.size() && tokens.get(at + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a (normalized, stemmed) word is one of the catalog's names or aliases. */
    boolean knows(String token) {
        return postings.containsKey(token);
    }

    /** What the encoder compares a question with: "Pruning Shears. pruners. Garden. cut branches and stems". */
    static String document(Product product) {
        StringBuilder text = new StringBuilder(product.name());
        if (!product.aliases().isEmpty()) {
            text.append(". ").append(String.join(", ", product.aliases()));
        }
        text.append(". ").append(product.department());
        if (!product.description().isEmpty()) {
            text.append(". ").append(product.description());
        }
        return text.toString();
    }

    /**
     * Each product's name without its size, where a shopper names it so and it names no other product: "Vapor Rub
     * 3.5 oz" is asked for as "the vapor rub", "32 inch HD TV" as "the hd tv". With the size's words counted ("three
     * point five ounce"), the words a shopper says covered too little of the name for it to be named, and "where is
     * the vapor rub" was answered "I don't think we sell it". Only a plain name no other product's name holds: one
     * shared by products that differ only in size ("Extension Cord 25 ft", "Extension Cord 50 ft") would lift each
     * sibling to the other's score, turning "the 64 gig flash drive" into "which one?", and one inside another
     * product's name ("Battery", from "9V Battery 2 Pack", inside "AA Batteries 8 Pack") would name the wrong one.
     * Empty where the name has no size, nothing is left without it or another name holds it, and for every product
     * of a catalog larger than {@link #EAGER_VECTORS}.
     */
    static List<List<String>> plainNames(List<Product> products) {
        if (products.size() > EAGER_VECTORS) {
            // a catalog this large is an export, its names written for a system (and reading each name twice more
            // took its index from 2.4 to 5.7 s at 100,000 rows): names are said whole or not at all, as before
            return java.util.Collections.nCopies(products.size(), List.of());
        }
        List<List<String>> plain = new ArrayList<>(products.size());
        List<Set<String>> nameTokens = new ArrayList<>(products.size());
        Map<String, List<Integer>> withToken = new HashMap<>();
        for (int p = 0; p < products.size(); p++) {
            String name = products.get(p).name();
            String withoutSize = SIZE_IN_NAME.matcher(name).replaceAll(" ");
            List<String> tokens = withoutSize.equals(name) ? List.of()
                    : QueryText.tokens(withoutSize).stream().distinct().toList();
            plain.add(tokens);
            Set<String> all = new HashSet<>(QueryText.tokens(name));
            nameTokens.add(all);
            for (String token : all) {
                withToken.computeIfAbsent(token, t -> new ArrayList<>()).add(p);
            }
        }
        List<List<String>> distinct = new ArrayList<>(products.size());
        for (int p = 0; p < products.size(); p++) {
            List<String> tokens = plain.get(p);
            if (tokens.isEmpty() || tokens.stream().allMatch(QueryText.FRAME_WORDS::contains)) {
                distinct.add(List.of());
                continue;
            }
            List<Integer> rarest = tokens.stream().map(token -> withToken.getOrDefault(token, List.of()))
                    .min(Comparator.comparingInt(List::size)).orElseThrow();
            if (rarest.size() > PLAIN_NAME_SHARED) {
                // every word of it is in many names: no name of its own (and checking each of them, at 100,000 rows,
                // took the index from 2.4 to 14.7 s)
                distinct.add(List.of());
                continue;
            }
            boolean namesAnother = false;
            for (int other : rarest) {
                if (other != p && nameTokens.get(other).containsAll(tokens)) {
                    namesAnother = true;
                    break;
                }
            }
            distinct.add(namesAnother ? List.of() : tokens);
        }
        return distinct;
    }

    /** The best products for the shopper's words, best first; empty when nothing fits at all. */
    public List<ProductMatch> rank(String query, int limit) {
        List<String> content = QueryText.contentTokens(query);
        if (content.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Double>> expansions = expand(content);
        // by product number: a common name word (an alias of thousands of products) names them all
        boolean[] named = new boolean[products.size()];
        Map<Integer, Double> lexical = lexicalScores(content, expansions, named);
        if (productVectors == null && lexicallyClear(lexical)) {
            // A large catalog and one product plainly named: the encoder would only confirm it, at a cost.
            return top(lexical, limit).stream()
                    .map(e -> new ProductMatch(products.get(e.getKey()), e.getValue(), e.getValue(), 0, 0,
                            named[e.getKey()], saidExactly(e.getKey(), content)))
                    .toList();
        }
        // The whole question, not only its content words: "so I can see in the dark" says what it is for.
        float[] queryVector = encoder.encode(QueryText.normalize(query));
        Map<Integer, Double> candidates = new LinkedHashMap<>();
        top(lexical, productVectors != null ? MAX_CANDIDATES : LAZY_RERANK)
                .forEach(entry -> candidates.put(entry.getKey(), entry.getValue()));
        if (productVectors != null) {
            for (VectorIndex.Hit hit : productVectors.nearest(queryVector, SEMANTIC_CANDIDATES)) {
                candidates.putIfAbsent(hit.index(), 0.0);
            }
            if (descriptionVectors != null) {
                for (VectorIndex.Hit hit : descriptionVectors.nearest(queryVector, SEMANTIC_CANDIDATES)) {
                    candidates.putIfAbsent(describedProduct[hit.index()], 0.0);
                }
            }
        }
        List<ProductMatch> matches = new ArrayList<>();
        candidates.entrySet()
                .forEach(entry -> {
                    double cosine = cosine(queryVector, entry.getKey());
                    double semantic = Math.max(0, Math.min(1, (cosine - 0.35) / 0.5));
                    double lex = entry.getValue();
                    double fused = lex > 0 ? 0.7 * lex + 0.3 * semantic : 0.6 * semantic;
                    matches.add(new ProductMatch(products.get(entry.getKey()), fused, lex, semantic, cosine,
                            named[entry.getKey()], saidExactly(entry.getKey(), content),
                            purpose(queryVector, entry.getKey())));
                });
        matches.sort(Comparator.comparingDouble(ProductMatch::score).reversed());
        List<ProductMatch> best = new ArrayList<>(matches.subList(0, Math.min(limit, matches.size())));
        // the products whose description is closest stay among the candidates whatever their fused score: a need
        // said in other words than the product's names scores low on every other signal
        matches.stream().filter(match -> match.purpose() > 0 && !best.contains(match))
                .sorted(Comparator.comparingDouble(ProductMatch::purpose).reversed())
                .limit(PURPOSE_CANDIDATES)
                .forEach(best::add);
        return best;
    }

    /** Whether one of the shopper's words is, as said and not through a slip, a word of the product's names. */
    private boolean saidExactly(int product, List<String> content) {
        for (int phrase = firstPhrase[product]; phrase < firstPhrase[product + 1]; phrase++) {
            for (String token : phraseTokens.get(phrase)) {
                if (content.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code k} best entries, best first, without sorting all of them. */
    private static List<Map.Entry<Integer, Double>> top(Map<Integer, Double> scores, int k) {
        java.util.PriorityQueue<Map.Entry<Integer, Double>> heap =
                new java.util.PriorityQueue<>(Map.Entry.comparingByValue());
        for (Map.Entry<Integer, Double> entry : scores.entrySet()) {
            if (heap.size() < k) {
                heap.add(entry);
            } else if (entry.getValue() > heap.peek().getValue()) {
                heap.poll();
                heap.add(entry);
            }
        }
        List<Map.Entry<Integer, Double>> best = new ArrayList<>(heap);
        best.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        return best;
    }

    /** True when the best lexical match covers the words fully and clearly beats the next. */
    private static boolean lexicallyClear(Map<Integer, Double> lexical) {
        double first = 0;
        double second = 0;
        for (double score : lexical.values()) {
            if (score > first) {
                second = first;
                first = score;
            } else if (score > second) {
                second = score;
            }
        }
        return first >= 0.9 && first - second >= 0.1;
    }

    /** For each query token: the catalog tokens it may stand for, with a weight (1 exact, less for slips). */
    private Map<String, Map<String, Double>> expand(List<String> content) {
        Map<String, Map<String, Double>> expansions = new LinkedHashMap<>();
        for (String token : content) {
            Map<String, Double> options = new HashMap<>();
            if (postings.containsKey(token)) {
                options.put(token, 1.0);
            } else if (token.length() >= 4 && !QueryText.isFraction(token)) {
                // a size said is that size: "1-1/4" is one character from "1-1/2", and a slip would answer the
                // sibling of another size
                int allowed = token.length() >= 7 ? 2 : 1;
                for (String known : postings.keySet()) {
                    if (Math.abs(known.length() - token.length()) <= allowed) {
                        int distance = EDITS.apply(token, known);
                        if (distance >= 0 && distance <= allowed) {
                            options.merge(known, FUZZY_WEIGHT, Math::max);
                        }
                    }
                }
                for (String soundAlike : bySound.getOrDefault(SOUND.doubleMetaphone(token), Set.of())) {
                    options.merge(soundAlike, FUZZY_WEIGHT, Math::max);
                }
            }
            expansions.put(token, options);
        }
        return expansions;
    }

    /**
     * Scores every phrase that shares a token with the query by walking only those tokens' postings, summing into
     * arrays: a common word in a 100,000-row catalog touches thousands of phrases, and hash lookups per phrase token
     * were the slowest part of a lookup. {@code named} receives the products one of whose names or aliases the
     * question holds whole, word for word.
     */
    private Map<Integer, Double> lexicalScores(List<String> content, Map<String, Map<String, Double>> expansions,
                                               boolean[] named) {
        Map<String, Double> catalogTokenWeight = new HashMap<>();
        double queryMass = 0;
        for (String token : content) {
            Map<String, Double> options = expansions.get(token);
            queryMass += options.isEmpty() ? unknownIdf : options.keySet().stream().mapToDouble(idf::get).max().orElse(0);
            options.forEach((known, weight) -> catalogTokenWeight.merge(known, weight, Math::max));
        }
        double[] matched = new double[phraseMass.length];
        int[] touched = new int[64];
        int touchedCount = 0;
        for (Map.Entry<String, Double> token : catalogTokenWeight.entrySet()) {
            double gain = idf.get(token.getKey()) * token.getValue();
            for (int phrase : postings.get(token.getKey())) {
                if (matched[phrase] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, 2 * touchedCount);
                    }
                    touched[touchedCount++] = phrase;
                }
                matched[phrase] += gain;
            }
        }
        // Each product's best phrase in plain arrays, then one map entry per product, put in the order the products
        // were first touched and into a map of the same capacity as before: its order, which breaks ties between
        // equal scores downstream, is the same.
        double[] productScore = new double[products.size()];
        boolean[] scored = new boolean[products.size()];
        int[] order = new int[touchedCount];
        int productCount = 0;
        for (int t = 0; t < touchedCount; t++) {
            int phrase = touched[t];
            int product = phraseProduct[phrase];
            double coverPhrase = matched[phrase] / phraseMass[phrase];
            double coverQuery = Math.min(1, matched[phrase] / queryMass);
            double score = Math.pow(coverPhrase, 0.6) * Math.pow(coverQuery, 0.4);
            if (plainNamePhrases.get(phrase)) {
                // a little under the whole name's: a size said ("the 64 gig flash drive") still tells a product from
                // its siblings
                score *= PLAIN_NAME_WEIGHT;
            }
            if (!scored[product]) {
                scored[product] = true;
                order[productCount++] = product;
                productScore[product] = score;
            } else if (score > productScore[product]) {
                productScore[product] = score;
            }
            if (coverPhrase >= WHOLE_PHRASE) {
                named[product] = true;
            }
        }
        Map<Integer, Double> best = new HashMap<>(touchedCount * 2);
        for (int i = 0; i < productCount; i++) {
            best.put(order[i], productScore[order[i]]);
        }
        return best;
    }

    /** The cosine between the question and the product's description alone; 0 without one. */
    private double purpose(float[] queryVector, int product) {
        if (descriptionVectors == null || descriptionRow[product] < 0) {
            return 0;
        }
        return encoder.recipe().onReferenceScale(descriptionVectors.score(queryVector, descriptionRow[product]));
    }

    private double cosine(float[] queryVector, int product) {
        double cosine;
        if (productVectors != null) {
            cosine = productVectors.score(queryVector, product);
        } else {
            // not through the encoder's vector cache: a file per product would cost more than the encoding
            float[] vector = lazyVectors.computeIfAbsent(product,
                    p -> encoder.encodePassage(document(products.get(p))));
            cosine = 0;
            for (int d = 0; d < vector.length; d++) {
                cosine += vector[d] * queryVector[d];
            }
        }
        // the thresholds of Understanding are on MiniLM's scale
        return encoder.recipe().onReferenceScale(cosine);
    }
}
