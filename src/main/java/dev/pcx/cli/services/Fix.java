package dev.pcx.cli.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pcx.api.FieldChange;
import dev.pcx.api.SubscriptionRef;

import java.util.List;

/**
 * One wanted change to one subscription, as given on the command line or as a line of an
 * {@code apply} file, before and after its customer and subscription are resolved.
 *
 * @param line the line of the batch file (0 on the command line)
 */
record Fix(int line, String customer, String subscription, Action action, String value) {

    /** The field change this fix wants; its value was checked with {@link Action#check}. */
    FieldChange change() {
        return action.change(value);
    }

    /** The fix with its subscription found. */
    record Resolved(Fix fix, SubscriptionRef subscription) {
    }

    /** A result line: one per fix, in every output format. */
    record Result(Integer line, String customer, String subscription, String friendlyName, String action,
                  String value, String result, @JsonSerialize(contentUsing = ResultColumns.ChangeJson.class)
                  List<FieldChange> changes, String error, @JsonIgnore int exitCode) {
        boolean ok() {
            return error == null;
        }
    }
}
