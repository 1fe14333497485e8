package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where a dossier stands in the indicators' daily counts ({@link IndicatorCounts}): its receiving unit, procedure, day
 * of reception (or of refusal), and the state its current values put it in. A dossier not yet received (nor refused)
 * has none.
 */
record IndicatorKey(String unit, String procedure, LocalDate day, String kind, boolean online, String state,
        boolean withResult, Instant dueHour, boolean reappointed, boolean digitised, boolean electronicResult,
        boolean timed) {

    static final String RECEIVED = "RECEIVED";
    static final String REFUSED = "REFUSED";
    static final String RUNNING = "RUNNING";
    static final String PAUSED_NOT_DUE = "PAUSED_NOT_DUE";
    static final String PAUSED_OVERDUE = "PAUSED_OVERDUE";
    static final String NO_DUE = "NO_DUE";
    static final String UNJUDGED = "UNJUDGED";
    /** The due hour of every state but RUNNING. */
    static final Instant NO_HOUR = Instant.EPOCH;

    /** What the key is made of: a dossier's current values. */
    record Facts(String unit, String procedure, DossierStatus status, Channel channel, Instant receivedAt,
            Instant finishedAt, Verdict verdict, Instant pausedAt, Instant dueAt, Instant reappointedAt,
            Instant digitisedAt, Instant electronicResultAt, Long handlingMinutes) {

        /** The JPQL select list of the facts of dossier alias {@code d}, in order. */
        static final String SELECT = "d.receivingUnit, d.procedureCode, d.status, d.channel, d.receivedAt,"
                + " d.finishedAt, d.verdict, d.pausedAt, d.dueAt, d.reappointedAt, d.digitisedAt,"
                + " d.electronicResultAt, d.handlingMinutes";

        static Facts of(Object[] c) {
            return new Facts((String) c[0], (String) c[1], (DossierStatus) c[2], (Channel) c[3], (Instant) c[4],
                    (Instant) c[5], (Verdict) c[6], (Instant) c[7], (Instant) c[8], (Instant) c[9], (Instant) c[10],
                    (Instant) c[11], (Long) c[12]);
        }

        static Facts of(Dossier d) {
            return new Facts(d.getReceivingUnit(), d.getProcedureCode(), d.getStatus(), d.getChannel(),
                    d.getReceivedAt(), d.getFinishedAt(), d.getVerdict(), d.getPausedAt(), d.getDueAt(),
                    d.getReappointedAt(), d.getDigitisedAt(), d.getElectronicResultAt(), d.getHandlingMinutes());
        }

        long minutes(IndicatorKey key) {
            return key != null && key.timed() ? handlingMinutes : 0;
        }
    }

    static IndicatorKey of(Dossier d, ZoneId zone) {
        return of(Facts.of(d), zone);
    }

    /** The key of a dossier as it is now, or null when it counts nowhere. */
    static IndicatorKey of(Facts d, ZoneId zone) {
        if (d.status() == DossierStatus.REFUSED && d.receivedAt() == null) {
            return d.finishedAt() == null ? null
                    : new IndicatorKey(d.unit(), d.procedure(), day(d.finishedAt(), zone),
                            REFUSED, false, REFUSED, false, NO_HOUR, false, false, false, false);
        }
        if (d.receivedAt() == null) {
            return null;
        }
        boolean online = d.channel() == Channel.ONLINE;
        String state;
        Instant dueHour = NO_HOUR;
        boolean withResult = false;
        if (d.finishedAt() != null) {
            state = d.verdict() == null ? UNJUDGED : d.verdict().name();
            withResult = d.status() == DossierStatus.DONE || d.status() == DossierStatus.RETURNED;
        } else if (d.pausedAt() != null) {
            state = d.dueAt() != null && !d.dueAt().isBefore(d.pausedAt()) ? PAUSED_NOT_DUE
                    : d.dueAt() != null ? PAUSED_OVERDUE : NO_DUE;
        } else if (d.dueAt() != null) {
            state = RUNNING;
            dueHour = d.dueAt().truncatedTo(ChronoUnit.HOURS);
        } else {
            state = NO_DUE;
        }
        return new IndicatorKey(d.unit(), d.procedure(), day(d.receivedAt(), zone), RECEIVED,
                online, state, withResult, dueHour, d.reappointedAt() != null,
                online || d.digitisedAt() != null, d.electronicResultAt() != null,
                withResult && d.handlingMinutes() != null);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
