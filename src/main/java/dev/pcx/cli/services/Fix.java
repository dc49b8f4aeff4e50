package dev.pcx.cli.services;

import java.util.List;

/**
 * One wanted change to one subscription, as given on the command line or as a line of an
 * {@code apply} file, before and after its customer and subscription are resolved.
 *
 * @param line the line of the batch file (0 on the command line)
 */
record Fix(int line, String customer, String subscription, Action action, String value) {

    /** The fix with its customer's tenant id and the subscription's id. */
    record Resolved(Fix fix, String customerId, String subscriptionId, String friendlyName) {
        /** Fixes of one subscription run one after another, in the order given. */
        String key() {
            return customerId + "/" + subscriptionId.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A result line: one per fix, in every output format. */
    record Result(Integer line, String customer, String subscription, String friendlyName, String action,
                  String value, String result, List<Change> changes, String error,
                  @com.fasterxml.jackson.annotation.JsonIgnore int exitCode) {
        record Change(String field, Object from, Object to) {
        }

        boolean ok() {
            return error == null;
        }
    }
}
