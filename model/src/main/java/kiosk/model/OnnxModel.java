package kiosk.model;

import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The one class that touches ONNX Runtime: owns a session, runs it on int64 inputs, copies the outputs into Java
 * arrays, closes every tensor it made, and turns runtime errors into {@link ModelException}s.
 */
final class OnnxModel implements AutoCloseable {

    private final Path file;
    private final OrtSession session;
    private final Set<String> inputNames;
    private boolean closed;

    private OnnxModel(Path file, OrtSession session) throws OrtException {
        this.file = file;
        this.session = session;
        this.inputNames = Set.copyOf(session.getInputNames());
    }

    static OnnxModel load(Path file, int threads) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("the ONNX model " + file + " does not exist; expected the quantized encoder file.");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // By default the intra-op pool spins its threads for ~20 ms after every run: on a two-core kiosk that is
            // CPU taken from the recognizer decoding the shopper's next words, for an encoding that takes a few ms.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            // Inputs are a few dozen tokens: an arena sized for peak batches would keep tens of MB resident on a
            // 2 GB kiosk for nothing.
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession session = environment.createSession(file.toString(), options);
            try {
                return new OnnxModel(file, session);
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime cannot load " + file + " (" + e.getMessage()
                    + "); expected a valid ONNX model file.", e);
        }
    }

    boolean hasInput(String name) {
        return inputNames.contains(name);
    }

    /**
     * Runs the model on {@code [batch, length]} int64 inputs (only those the model declares are sent) and returns
     * the named float output as {@code [batch][length][hidden]}.
     */
    float[][][] run(Map<String, long[][]> inputs, String output) {
        if (closed) {
            throw new IllegalStateException("the ONNX model " + file + " is closed");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Map.Entry<String, long[][]> input : inputs.entrySet()) {
                if (inputNames.contains(input.getKey())) {
                    tensors.put(input.getKey(), tensor(environment, input.getValue()));
                }
            }
            try (OrtSession.Result result = session.run(tensors)) {
                return (float[][][]) result.get(output)
                        .orElseThrow(() -> new ModelException("the ONNX model " + file + " has no output " + output + "."))
                        .getValue();
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed running " + file + ": " + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, long[][] values) throws OrtException {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        LongBuffer buffer = LongBuffer.allocate(rows * columns);
        for (long[] row : values) {
            buffer.put(row);
        }
        buffer.flip();
        return OnnxTensor.createTensor(environment, buffer, new long[] {rows, columns});
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                throw new ModelException("ONNX Runtime failed closing " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
