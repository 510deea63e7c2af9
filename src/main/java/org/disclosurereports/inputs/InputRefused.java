package org.disclosurereports.inputs;

/**
 * A whole input file cannot be read (wrong encoding, a required column missing, no such file): the
 * run stops before any report is built from incomplete data. The message names the file and the problem.
 */
public class InputRefused extends RuntimeException {
    public InputRefused(String message) {
        super(message);
    }
}
