package kiosk.model;

/**
 * Keeps DJL's tokenizer library from calling home. Its tokenizer's first use calls {@code Ec2Utils.callHome}, which
 * asks the cloud metadata address (169.254.169.254) for an instance id and, on a cloud machine, sends it to a
 * telemetry URL: a network request at every start of an offline kiosk (seen in DJL's debug log, answered 403 on the
 * build machine in ~0.1 s of CPU; on a kiosk without a route it waits for a connect timeout instead). DJL's documented
 * switch is the {@code OPT_OUT_TRACKING} environment variable or system property.
 */
public final class DjlTelemetry {

    /** DJL's opt-out property (read from the environment too). */
    public static final String OPT_OUT_PROPERTY = "OPT_OUT_TRACKING";

    private DjlTelemetry() {
    }

    /** Opts out before a DJL tokenizer is built; an explicit setting of the property is left as it is. */
    public static void optOut() {
        if (System.getProperty(OPT_OUT_PROPERTY) == null) {
            System.setProperty(OPT_OUT_PROPERTY, "true");
        }
    }
}
