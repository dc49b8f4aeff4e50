package dev.pcx.notify;

import java.time.Duration;
import java.util.List;

/**
 * Somewhere incident events are delivered ({@code --exec CMD}, {@code --webhook URL}). The ledger
 * drives it: it asks how many of the pending events go in the next message, records them as being
 * sent, sends, then records the outcome; a destination keeps no state of its own about what was
 * delivered. Nothing it says (id, label, failure) may hold a secret: a webhook URL carries its key.
 */
public interface Destination {
    /**
     * Stable and free of secrets, the same in every run given the same option: the ledger keys
     * deliveries by it ({@code exec:3f2a9c1b0d4e}, {@code dingtalk:8c01d2e3f4a5}).
     */
    String id();

    /** How messages name it for a person, free of secrets ({@code dingtalk webhook oapi.dingtalk.com/robot/send?access_token=…}). */
    String label();

    /** How many of {@code pending} (at least one, in order) go in the next message. */
    default int batch(List<IncidentEvent> pending) {
        return 1;
    }

    /**
     * Sends one message holding {@code events}.
     *
     * @return null once the receiver has accepted it; otherwise why not
     * @throws InterruptedException when the run is interrupted (Ctrl-C) while sending or waiting
     */
    Failure send(List<IncidentEvent> events) throws InterruptedException;

    /**
     * Why a message was not delivered.
     *
     * @param message      one line for a person, naming the receiver's own error ({@code DingTalk refused it: errcode 310000 keywords not in content})
     * @param receiverCode the receiver's code as it gave it ({@code 310000}, {@code 429}, {@code exit 3}), null when none
     * @param retryLater   whether the same message may succeed later (throttled, unreachable, a 5xx), as
     *                     opposed to being refused as it is (a bad URL, a bad signature)
     * @param retryAfter   how long the receiver asked to be left alone ({@code Retry-After} of a 429), null when it did not say
     */
    record Failure(String message, String receiverCode, boolean retryLater, Duration retryAfter) {
        public Failure(String message, String receiverCode, boolean retryLater) {
            this(message, receiverCode, retryLater, null);
        }
    }
}
