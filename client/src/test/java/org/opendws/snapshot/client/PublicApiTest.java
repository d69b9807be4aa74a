package org.opendws.snapshot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The line between API and internals, read from the compiled classes: the public types outside the
 * {@code internal} and {@code generated} packages are exactly the intended ones, and none of
 * their public or protected members mentions an internal, generated or Feign type. A public type
 * added to an API package, or an internal one leaking through a signature, fails here first.
 */
class PublicApiTest {
    private static final String BASE = "org.opendws.snapshot.client";

    /** The API: everything a user needs, and nothing else. */
    private static final Set<String> API = Set.of(
            "ClusterSnapshotsPaginator",
            "CreatedSnapshot",
            "DwsSnapshotClient",
            "DwsSnapshotClient$Builder",
            "ListClusterSnapshotsRequest",
            "ListClusterSnapshotsRequest$Builder",
            "Snapshot",
            "SnapshotList",
            "SnapshotPage",
            "SnapshotStatus",
            "SnapshotType",
            "SortDir",
            "SortKey",
            "WaitOptions",
            "WaitOptions$Builder",
            "error.BadRequestException",
            "error.DwsClientErrorException",
            "error.DwsConnectTimeoutException",
            "error.DwsConnectionException",
            "error.DwsException",
            "error.DwsReadTimeoutException",
            "error.DwsServerErrorException",
            "error.DwsServiceException",
            "error.DwsTimeoutException",
            "error.DwsValidationException",
            "error.DwsValidationException$Violation",
            "error.ForbiddenException",
            "error.InternalServerErrorException",
            "error.NotFoundException",
            "error.ServiceUnavailableException",
            "error.SnapshotWaitException",
            "error.SnapshotWaitException$Reason",
            "error.UnauthorizedException",
            "retry.RetryPolicy",
            "retry.RetryPolicy$Builder",
            "retry.Sleeper");

    @Test
    void theApiPackagesHoldOnlyTheIntendedPublicTypes() throws Exception {
        List<Class<?>> classes = compiledClasses();
        assertThat(classes).as("the client's compiled classes").hasSizeGreaterThan(API.size());

        Set<String> publicTypes = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        for (Class<?> type : classes) {
            if (isPublic(type)) {
                packages.add(type.getPackageName());
                if (isApi(type)) {
                    publicTypes.add(type.getName().substring(BASE.length() + 1));
                }
            }
        }

        assertThat(publicTypes).as("public types of the API packages").containsExactlyInAnyOrderElementsOf(API);
        assertThat(packages)
                .as("packages with public types")
                .allMatch(name -> name.equals(BASE)
                        || name.equals(BASE + ".error")
                        || name.equals(BASE + ".retry")
                        || name.equals(BASE + ".internal")
                        || name.startsWith(BASE + ".generated."));
    }

    @Test
    void noApiSignatureMentionsAnInternalGeneratedOrFeignType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : compiledClasses()) {
            if (!isPublic(type) || !isApi(type)) {
                continue;
            }
            List<String> signatures = new ArrayList<>();
            signatures.add(
                    type.getGenericSuperclass() == null
                            ? ""
                            : type.getGenericSuperclass().getTypeName());
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    signatures.add(method.toGenericString());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    signatures.add(constructor.toGenericString());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    signatures.add(field.toGenericString());
                }
            }
            for (String signature : signatures) {
                if (signature.contains(BASE + ".internal.")
                        || signature.contains(BASE + ".generated.")
                        || signature.contains("feign.")) {
                    leaks.add(signature);
                }
            }
        }
        assertThat(leaks).as("API signatures that mention internals").isEmpty();
    }

    private static boolean isApi(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.equals(BASE) || pkg.equals(BASE + ".error") || pkg.equals(BASE + ".retry");
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Public, and so is every type it is nested in. */
    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** Every class of the client's main output (the directory or jar DwsSnapshotClient was loaded from). */
    private static List<Class<?>> compiledClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DwsSnapshotClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(root).as("the client's classes, as a directory").isDirectory();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (!name.endsWith("package-info") && !name.equals("module-info")) {
                    classes.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
