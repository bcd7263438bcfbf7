package kiosk.model.generate;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import kiosk.model.ModelException;

/**
 * A decoder-only ONNX model (Llama-style export: {@code input_ids}, {@code attention_mask}, {@code position_ids},
 * {@code past_key_values.N.key/value} in, {@code logits} and {@code present.N.key/value} out) run with its cache.
 * The cache layout (layers, heads, head size) and its type (float16 or float32) are read from the model's inputs.
 * The present tensors are copied out after each step, so no ONNX Runtime value outlives its run.
 */
public final class OnnxDecoder implements DecoderSession {

    private final Path file;
    private final OrtSession session;
    private final int layers;
    private final long heads;
    private final long headSize;
    private final boolean float16;
    private final boolean wantsPositions;
    private final CacheNames names;
    private List<KvPair> cache = List.of();
    private int length;
    private boolean closed;

    /**
     * The names of the cache's inputs and outputs, with {@code %d} for the layer: Hugging Face Optimum's export uses
     * the defaults; other exporters name them otherwise, and a model pack says how.
     */
    public record CacheNames(String pastKey, String pastValue, String presentKey, String presentValue) {
        public static final CacheNames DEFAULT = new CacheNames("past_key_values.%d.key", "past_key_values.%d.value",
                "present.%d.key", "present.%d.value");

        String pastKey(int layer) {
            return String.format(pastKey, layer);
        }

        String pastValue(int layer) {
            return String.format(pastValue, layer);
        }

        String presentKey(int layer) {
            return String.format(presentKey, layer);
        }

        String presentValue(int layer) {
            return String.format(presentValue, layer);
        }
    }

    private OnnxDecoder(Path file, OrtSession session, int layers, long heads, long headSize, boolean float16,
                        boolean wantsPositions, CacheNames names) {
        this.names = names;
        this.file = file;
        this.session = session;
        this.layers = layers;
        this.heads = heads;
        this.headSize = headSize;
        this.float16 = float16;
        this.wantsPositions = wantsPositions;
    }

    /** Loads the model (external weights beside it are found by ONNX Runtime) and reads its cache layout. */
    public static OnnxDecoder load(Path file, int threads) {
        return load(file, threads, CacheNames.DEFAULT);
    }

    /** Loads a model whose cache inputs and outputs carry other names. */
    public static OnnxDecoder load(Path file, int threads, CacheNames names) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("the decoder model " + file + " does not exist; expected an ONNX decoder with "
                    + "past_key_values inputs.");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            // Shapes change every step (the cache grows): buffers planned for one step's shapes must not be reused.
            options.setMemoryPatternOptimization(false);
            session = environment.createSession(file.toAbsolutePath().normalize().toString(), options);
            Map<String, NodeInfo> inputs = session.getInputInfo();
            int layers = 0;
            while (inputs.containsKey(names.pastKey(layers))) {
                layers++;
            }
            if (layers == 0 || !inputs.containsKey("input_ids") || !session.getOutputNames().contains("logits")) {
                throw new ModelException("the decoder model " + file + " lacks input_ids, logits or "
                        + names.pastKey(0) + "; expected a decoder exported with its key/value cache.");
            }
            TensorInfo kv = (TensorInfo) inputs.get(names.pastKey(0)).getInfo();
            long[] shape = kv.getShape();
            boolean float16 = kv.type == OnnxJavaType.FLOAT16;
            if (!float16 && kv.type != OnnxJavaType.FLOAT) {
                throw new ModelException("the decoder model " + file + " keeps its cache as " + kv.type
                        + "; expected float16 or float32.");
            }
            return new OnnxDecoder(file, session, layers, shape[1], shape[3], float16,
                    inputs.containsKey("position_ids"), names);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelException("ONNX Runtime cannot load the decoder " + file + " (" + e.getMessage() + ").", e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    @Override
    public float[] prefill(long[] tokens) {
        cache = List.of();
        length = 0;
        return run(tokens);
    }

    @Override
    public float[] next(long token) {
        return run(new long[] {token});
    }

    @Override
    public int length() {
        return length;
    }

    public int layers() {
        return layers;
    }

    public boolean float16() {
        return float16;
    }

    private float[] run(long[] tokens) {
        if (closed) {
            throw new IllegalStateException("the decoder " + file + " is closed");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        int total = length + tokens.length;
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(tokens),
                    new long[] {1, tokens.length}));
            long[] mask = new long[total];
            java.util.Arrays.fill(mask, 1);
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask),
                    new long[] {1, total}));
            if (wantsPositions) {
                long[] positions = new long[tokens.length];
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = length + i;
                }
                inputs.put("position_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(positions),
                        new long[] {1, tokens.length}));
            }
            long[] pastShape = {1, heads, length, headSize};
            for (int layer = 0; layer < layers; layer++) {
                KvPair past = cache.isEmpty() ? KvPair.empty(pastShape, float16) : cache.get(layer);
                inputs.put(names.pastKey(layer), past.key().tensor(environment, pastShape));
                inputs.put(names.pastValue(layer), past.value().tensor(environment, pastShape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                List<KvPair> present = new ArrayList<>(layers);
                for (int layer = 0; layer < layers; layer++) {
                    present.add(new KvPair(Kv.copyOf(result.get(names.presentKey(layer)).orElseThrow()),
                            Kv.copyOf(result.get(names.presentValue(layer)).orElseThrow())));
                }
                float[] logits = lastLogits((OnnxTensor) result.get("logits").orElseThrow(), tokens.length);
                cache = present;
                length = total;
                return logits;
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed running the decoder " + file + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The logits of the last position, as floats whatever the model's output type. */
    private static float[] lastLogits(OnnxTensor logits, int positions) {
        long[] shape = logits.getInfo().getShape();
        int vocabulary = (int) shape[2];
        int offset = (positions - 1) * vocabulary;
        float[] last = new float[vocabulary];
        if (logits.getInfo().type == OnnxJavaType.FLOAT16) {
            ShortBuffer halves = logits.getShortBuffer();
            for (int i = 0; i < vocabulary; i++) {
                last[i] = Fp16Conversions.fp16ToFloat(halves.get(offset + i));
            }
        } else {
            FloatBuffer floats = logits.getFloatBuffer();
            floats.position(offset);
            floats.get(last);
        }
        return last;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // closing a session that failed to load: nothing more to release
            }
        }
    }

    /** One layer's cached keys and values. */
    private record KvPair(Kv key, Kv value) {
        static KvPair empty(long[] shape, boolean float16) {
            return new KvPair(Kv.empty(float16), Kv.empty(float16));
        }
    }

    /** A cache tensor's contents, copied out of ONNX Runtime: float16 bits or floats. */
    private record Kv(short[] halves, float[] floats) {
        static Kv empty(boolean float16) {
            return float16 ? new Kv(new short[0], null) : new Kv(null, new float[0]);
        }

        static Kv copyOf(OnnxValue value) {
            OnnxTensor tensor = (OnnxTensor) value;
            if (tensor.getInfo().type == OnnxJavaType.FLOAT16) {
                ShortBuffer buffer = tensor.getShortBuffer();
                short[] copy = new short[buffer.remaining()];
                buffer.get(copy);
                return new Kv(copy, null);
            }
            FloatBuffer buffer = tensor.getFloatBuffer();
            float[] copy = new float[buffer.remaining()];
            buffer.get(copy);
            return new Kv(null, copy);
        }

        OnnxTensor tensor(OrtEnvironment environment, long[] shape) throws OrtException {
            return halves != null
                    ? OnnxTensor.createTensor(environment, ShortBuffer.wrap(halves), shape, OnnxJavaType.FLOAT16)
                    : OnnxTensor.createTensor(environment, FloatBuffer.wrap(floats), shape);
        }
    }
}
