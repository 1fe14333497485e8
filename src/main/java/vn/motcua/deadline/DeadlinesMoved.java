package vn.motcua.deadline;

import java.util.List;

/**
 * Published inside the transaction when the deadlines of dossiers moved (a supplement pause ended,
 * the working calendar changed), so the engine can move the timers and task due dates it holds.
 */
public record DeadlinesMoved(List<String> dossierCodes) {
}
