package vn.motcua.document;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDF renderer's messages in the application's log, under {@code com.openhtmltopdf.<area>}: its warnings and
 * errors (a CSS rule it cannot read, a face it cannot find) as warnings and errors, its notes on every document
 * ("Loading font…", the stylesheets' parsing time, seven lines a PDF) at debug level. Without it, the renderer wrote
 * those notes to the standard error itself, past the application's log and its levels, for every dossier's form.
 */
final class RendererLog implements XRLogger {

    private static final RendererLog INSTANCE = new RendererLog();

    private RendererLog() {
    }

    /** Puts the renderer's messages into the application's log (idempotent). */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof RendererLog)) {
            XRLog.setLoggerImpl(INSTANCE);
        }
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return enabled(logger(diagnostic.getLogMessageId().getWhere()), diagnostic.getLevel());
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = logger(where);
        if (!enabled(logger, level)) {
            return;
        }
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (value >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the application's logging configuration sets the levels
    }

    private static Logger logger(String where) {
        return LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
    }

    private static boolean enabled(Logger logger, Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        } else if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        } else if (value >= Level.INFO.intValue()) {
            return logger.isDebugEnabled();
        }
        return logger.isTraceEnabled();
    }
}
