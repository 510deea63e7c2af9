package org.disclosurereports.operations;

import java.util.List;

/** The operator commands on the embedded default: each installation's H2 file database in {@code var/}, shared by its JVMs. */
class OperatorCommandsJvmH2Test extends OperatorCommandsJvmContract {

    @Override
    List<String> database(String name) {
        return List.of(); // the default: ./var under the JVM's working directory
    }
}
