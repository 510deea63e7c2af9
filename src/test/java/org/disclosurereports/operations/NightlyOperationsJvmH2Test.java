package org.disclosurereports.operations;

import org.disclosurereports.support.ChildJvm;
import org.disclosurereports.support.SampleData;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs on the embedded default: each "installation" is a working directory with its H2 file
 * database in {@code var/} (the default URL, AUTO_SERVER so JVMs can share it).
 */
class NightlyOperationsJvmH2Test extends NightlyOperationsJvmContract {

    @Override
    boolean otherScopesRunSideBySide() {
        return false;
    }

    @Override
    List<String> database(String name) {
        return List.of(); // the default: ./var under the JVM's working directory
    }
}
