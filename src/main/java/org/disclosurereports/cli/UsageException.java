package org.disclosurereports.cli;

/** The command line is wrong; the message says how. */
class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
