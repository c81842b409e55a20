package com.minichat.adapters.email;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what one class logs, for assertions on log lines. */
final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture(Class<?> source) {
    logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  /** Formatted messages logged at {@code level}, in order. */
  List<String> messages(Level level) {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(event -> event.getLevel().equals(level))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  /** Every formatted message with its stack trace class names, for "never logged" checks. */
  String everything() {
    synchronized (appender.list) {
      StringBuilder all = new StringBuilder();
      for (ILoggingEvent event : appender.list) {
        all.append(event.getFormattedMessage()).append('\n');
        if (event.getThrowableProxy() != null) {
          all.append(event.getThrowableProxy().getMessage()).append('\n');
        }
      }
      return all.toString();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
