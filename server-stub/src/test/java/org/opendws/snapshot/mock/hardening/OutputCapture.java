package org.opendws.snapshot.mock.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Everything a run writes, while it is open: {@code System.out} and {@code System.err}, every
 * Logback event at TRACE and above (root turned to TRACE meanwhile, formatted with MDC,
 * arguments and stack traces) and every {@code java.util.logging} record, formatted with its
 * throwable. Kept, not printed: the root's own appenders are detached meanwhile.
 *
 * <p>Tomcat's own loggers ({@code org.apache}) stay at INFO: at DEBUG and below its connector
 * dumps the raw bytes of every request ("Received [POST ... Authorization: ...]"), a wire
 * trace for debugging the container, not the mock's logging (TESTING.md).
 */
final class OutputCapture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level originalLevel = root.getLevel();
    private final Logger container = (Logger) LoggerFactory.getLogger("org.apache");
    private final Level containerLevel = container.getLevel();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            write(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    OutputCapture() {
        System.setOut(new PrintStream(capturing(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturing(), true, StandardCharsets.UTF_8));
        root.iteratorForAppenders().forEachRemaining(detached::add);
        detached.forEach(root::detachAppender);
        LoggerContext context = root.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %mdc %msg%n%ex{full}");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(capturing());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        container.setLevel(Level.INFO);
        julHandler.setLevel(java.util.logging.Level.ALL);
        julRoot.setLevel(java.util.logging.Level.INFO); // as Tomcat's, whatever the test run's logging.properties say
        julRoot.addHandler(julHandler);
    }

    /** What was written so far. */
    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
        root.setLevel(originalLevel);
        container.setLevel(containerLevel);
        root.detachAppender(appender);
        appender.stop();
        detached.forEach(root::addAppender);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private void write(String text) {
        synchronized (captured) {
            captured.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private OutputStream capturing() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
    }
}
