package kiosk.app.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code kiosk --version} matches the package. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"kiosk " + (version == null ? "(development build)" : version)};
    }
}
