package vn.motcua.deadline;

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
}
