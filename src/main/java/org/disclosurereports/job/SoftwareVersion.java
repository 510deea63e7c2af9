package org.disclosurereports.job;

/** The version of the running software, as the packaged jar's manifest states it. */
final class SoftwareVersion {

    private SoftwareVersion() {
    }

    /** The jar's {@code Implementation-Version}, or null when the classes do not come from the packaged jar (tests, IDE). */
    static String ofJar() {
        return SoftwareVersion.class.getPackage().getImplementationVersion();
    }
}
