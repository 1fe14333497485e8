package vn.motcua.report;

import java.time.YearMonth;

/**
 * Starts a run of the periodic report in the workflow engine (where it retries and shows incidents).
 * The engine module implements it.
 */
public interface PeriodicReportRuns {

    /**
     * Starts the periodic report process for this month on demand.
     *
     * @param requestedBy who asked
     * @return the process instance id
     */
    String start(YearMonth month, String requestedBy);
}
