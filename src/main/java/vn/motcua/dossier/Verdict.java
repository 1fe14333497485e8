package vn.motcua.dossier;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A step's or a dossier's verdict against its deadline (Form 06: trước hạn / đúng hạn / quá hạn):
 * late when it ended after the due instant, early when it ended on a day before the due day, on
 * time otherwise (ended on the due day, by the due time).
 */
public enum Verdict {
    EARLY, ON_TIME, LATE;

    public static Verdict of(Instant ended, Instant due, ZoneId zone) {
        if (ended.isAfter(due)) {
            return LATE;
        }
        return ended.atZone(zone).toLocalDate().isBefore(due.atZone(zone).toLocalDate()) ? EARLY : ON_TIME;
    }

    /**
     * A dossier's verdict when it finishes, as Decision 766 counts it: a re-appointed dossier
     * (Form 04) and one asked for a supplement more than once are late whatever the date; any other
     * is judged by {@link #of} against its statutory due (the original appointment, moved only by
     * supplement pauses). Null for a dossier that never had a due (refused at the counter).
     */
    static Verdict ofDossier(Dossier dossier, Instant finished, ZoneId zone) {
        if (dossier.getDueAt() == null) {
            return null;
        }
        if (dossier.getReappointments() > 0 || dossier.getSupplementRequests() > 1) {
            return LATE;
        }
        return of(finished, dossier.getDueAt(), zone);
    }
}
