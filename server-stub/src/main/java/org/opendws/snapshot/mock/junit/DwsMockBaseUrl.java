package org.opendws.snapshot.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} or {@link java.net.URI} parameter of a test, lifecycle method or
 * constructor that takes the running mock's base URL, e.g. {@code http://127.0.0.1:54321} (no
 * trailing slash), under {@link DwsMockTest @DwsMockTest} or a registered
 * {@link DwsMockExtension}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DwsMockBaseUrl {}
