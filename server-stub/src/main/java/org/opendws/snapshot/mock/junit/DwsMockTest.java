package org.opendws.snapshot.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the mock around a JUnit 5 test class: started before the class's first test (and before
 * its {@code @BeforeAll} methods), reset before each test, stopped after the last. Test,
 * lifecycle and constructor parameters of type {@link org.opendws.snapshot.mock.DwsMockServer}
 * receive it, and a {@code String} or {@link java.net.URI} parameter annotated
 * {@link DwsMockBaseUrl @DwsMockBaseUrl} its base URL:
 *
 * <pre>{@code
 * @DwsMockTest(creationTime = "10m")
 * class NightlyBackupTest {
 *     @Test
 *     void backsUp(@DwsMockBaseUrl String endpoint, DwsMockServer mock) {
 *         // ... DwsSnapshotClient.builder().endpoint(endpoint) ...
 *         assertThat(mock.snapshots()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Every attribute left empty keeps the mock's default. For a world or clock built in code,
 * register a {@link DwsMockExtension} with {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DwsMockExtension.class)
public @interface DwsMockTest {
    /** The port; 0 (the default) picks a free one. */
    int port() default 0;

    /**
     * How requests are authenticated ({@code dws.mock.auth}): {@code aksk} (the mock's default),
     * {@code token} or {@code none}.
     */
    String auth() default "";

    /**
     * A YAML world file ({@code dws.mock.world}), relative to the working directory (in a Maven
     * build, the module's directory); the default world when empty.
     */
    String world() default "";

    /**
     * How long a new snapshot stays {@code CREATING} on the mock clock
     * ({@code dws.mock.snapshot.creation-time}), e.g. {@code "10m"}; the mock's default is 5 s.
     */
    String creationTime() default "";

    /** Any other property of the mock or of Spring Boot, as {@code name=value}. */
    String[] properties() default {};
}
