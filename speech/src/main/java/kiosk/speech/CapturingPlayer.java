package kiosk.speech;

import java.util.Optional;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat.Encoding;

import com.sun.speech.freetts.audio.AudioPlayer;

/**
 * A FreeTTS audio player that hands each piece of synthesized audio to a sink as soon as FreeTTS writes it,
 * converted to {@link AudioFormat#SPEECH}; nothing is played here.
 *
 * <p>A fault in the conversion or the sink is kept for {@link #stop()}, not thrown into FreeTTS (which would only print
 * it); the write answers false, and FreeTTS cancels the utterance ("Output Cancelled") so that {@code speak} returns.
 */
final class CapturingPlayer implements AudioPlayer {

    private javax.sound.sampled.AudioFormat format =
            new javax.sound.sampled.AudioFormat(16000, 16, 1, true, true);
    private Consumer<AudioChunk> sink = chunk -> { };
    private long writtenMillis;
    private float volume = 1.0f;
    private Optional<RuntimeException> fault = Optional.empty();

    void start(Consumer<AudioChunk> target) {
        sink = target;
        writtenMillis = 0;
        fault = Optional.empty();
    }

    /** Stops handing audio on; the fault that cut the output short since {@link #start}, if any. */
    Optional<RuntimeException> stop() {
        sink = chunk -> { };
        return fault;
    }

    @Override
    public void setAudioFormat(javax.sound.sampled.AudioFormat audioFormat) {
        format = audioFormat;
    }

    @Override
    public javax.sound.sampled.AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public boolean write(byte[] audioData) {
        return write(audioData, 0, audioData.length);
    }

    @Override
    public boolean write(byte[] bytes, int offset, int size) {
        if (fault.isPresent()) {
            return false;
        }
        try {
            hand(bytes, offset, size);
            return true;
        } catch (RuntimeException e) {
            fault = Optional.of(e);
            return false;
        }
    }

    private void hand(byte[] bytes, int offset, int size) {
        byte[] piece = java.util.Arrays.copyOfRange(bytes, offset, offset + size);
        Audio converted = isSpeechFormat(format) && !format.isBigEndian()
                ? new Audio(AudioFormat.SPEECH, piece)
                : PcmConverter.toSpeech(format, piece, java.nio.file.Path.of("(synthesizer)"));
        if (converted.pcm().length > 0) {
            sink.accept(new AudioChunk(AudioFormat.SPEECH, converted.pcm(), writtenMillis));
            writtenMillis += converted.durationMillis();
        }
    }

    private static boolean isSpeechFormat(javax.sound.sampled.AudioFormat f) {
        return f.getEncoding().equals(Encoding.PCM_SIGNED) && f.getSampleRate() == 16000
                && f.getSampleSizeInBits() == 16 && f.getChannels() == 1;
    }

    @Override
    public void begin(int size) {
    }

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void reset() {
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    @Override
    public float getVolume() {
        return volume;
    }

    @Override
    public void setVolume(float level) {
        volume = level;
    }

    @Override
    public long getTime() {
        return writtenMillis;
    }

    @Override
    public void resetTime() {
        writtenMillis = 0;
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public void showMetrics() {
    }
}
