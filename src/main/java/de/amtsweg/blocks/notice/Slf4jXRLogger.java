package de.amtsweg.blocks.notice;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.JDKXRLogger;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes openhtmltopdf's logging to SLF4J (logger names {@code com.openhtmltopdf.*}) instead of its
 * own console handler. openhtmltopdf's chatty INFO progress messages are logged at DEBUG.
 */
final class Slf4jXRLogger implements XRLogger {

  /** Installs this logger unless someone already replaced openhtmltopdf's default logger. */
  static synchronized void installIfDefault() {
    XRLogger current = XRLog.getLoggerImpl();
    if (current == null || current instanceof JDKXRLogger) {
      XRLog.setLoggerImpl(new Slf4jXRLogger());
    }
  }

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where);
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
    // levels are configured in the SLF4J backend
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger("com.openhtmltopdf");
    int value = diagnostic.getLevel().intValue();
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
