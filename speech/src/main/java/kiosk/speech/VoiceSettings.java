package kiosk.speech;

/**
 * How loud and how fast the kiosk speaks: the replies' RMS level in dBFS and the voice's rate in words per minute.
 * A shopper's "louder", "quieter" and "slower" step them within bounds; each new shopper starts from the settings
 * of kiosk.conf.
 */
public record VoiceSettings(double levelDbfs, float wordsPerMinute) {

    /** The reply level when kiosk.conf says nothing: speech at arm's length in a shop. */
    public static final double DEFAULT_LEVEL_DBFS = -20.0;
    /** kevin16's own rate. */
    public static final float NORMAL_RATE = 150f;
    /** One "louder" or "quieter": clearly audible, four steps from the default to the peak limit's reach. */
    public static final double LEVEL_STEP_DB = 4.0;
    public static final double MIN_LEVEL_DBFS = -40.0;
    public static final double MAX_LEVEL_DBFS = -8.0;
    /** One "slower" takes a sixth off the rate, down to two thirds of it. */
    public static final float RATE_STEP = 0.85f;
    public static final float MIN_RATE = 100f;

    /** The things a shopper can ask of the voice. */
    public enum Change { LOUDER, QUIETER, SLOWER }

    public VoiceSettings {
        if (!(levelDbfs >= MIN_LEVEL_DBFS && levelDbfs <= MAX_LEVEL_DBFS)) {
            throw new IllegalArgumentException("a reply level must be from " + MIN_LEVEL_DBFS + " to " + MAX_LEVEL_DBFS
                    + " dBFS, not " + levelDbfs);
        }
        if (!(wordsPerMinute >= MIN_RATE && wordsPerMinute <= NORMAL_RATE)) {
            throw new IllegalArgumentException("a speaking rate must be from " + MIN_RATE + " to " + NORMAL_RATE
                    + " words per minute, not " + wordsPerMinute);
        }
    }

    public static VoiceSettings at(double levelDbfs) {
        return new VoiceSettings(levelDbfs, NORMAL_RATE);
    }

    /** The settings after the change, or these same settings when they are at their bound already. */
    public VoiceSettings after(Change change) {
        return switch (change) {
            case LOUDER -> new VoiceSettings(Math.min(MAX_LEVEL_DBFS, levelDbfs + LEVEL_STEP_DB), wordsPerMinute);
            case QUIETER -> new VoiceSettings(Math.max(MIN_LEVEL_DBFS, levelDbfs - LEVEL_STEP_DB), wordsPerMinute);
            case SLOWER -> new VoiceSettings(levelDbfs, Math.max(MIN_RATE, wordsPerMinute * RATE_STEP));
        };
    }
}
