package vn.motcua.report;

/**
 * What the metrics need from the workflow engine: its open incidents (jobs that failed all their
 * retries, such as a mail the server kept refusing). The engine module implements it.
 */
public interface EngineIncidents {

    /** Open incidents in every process, as Cockpit lists them. */
    long open();
}
