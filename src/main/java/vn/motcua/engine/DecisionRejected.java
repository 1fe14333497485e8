package vn.motcua.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/** A task completion with a decision the task does not accept, or without a required note. */
class DecisionRejected extends BadUserRequestException {

    DecisionRejected(String message) {
        super(message);
    }
}
