package io.polysos.sdp.mosek;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Finds the MOSEK Fusion classes: first on a given class loader (normally the class path),
 * then in the jar named by the system property {@value #JAR_PROPERTY} or the environment
 * variable {@value #JAR_ENV} (the property wins), loaded through a {@link URLClassLoader}
 * whose parent is the platform class loader.
 *
 * <p>A native library can be loaded by one class loader only per JVM, so the loader of a
 * given jar is created once and kept for the life of the JVM.
 */
final class FusionLocator {

    /** System property naming mosek.jar. */
    static final String JAR_PROPERTY = "mosek.jar";
    /** Environment variable naming mosek.jar. */
    static final String JAR_ENV = "MOSEK_JAR";

    private static final Map<Path, ClassLoader> JAR_LOADERS = new ConcurrentHashMap<>();

    /**
     * Where the Fusion classes were found, or why not.
     *
     * @param loader the class loader that sees them, null when not found
     * @param source a description of where they came from ("class path", the jar path)
     * @param problem why they were not found (what to install or set), null when found
     */
    record Location(ClassLoader loader, String source, String problem) {

        boolean found() {
            return loader != null;
        }
    }

    private final ClassLoader classPath;
    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;

    /**
     * @param classPath the loader tried first (null to skip it)
     * @param properties system property look-up
     * @param environment environment variable look-up
     */
    FusionLocator(ClassLoader classPath, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.classPath = classPath;
        this.properties = Objects.requireNonNull(properties);
        this.environment = Objects.requireNonNull(environment);
    }

    /** @return the locator of this JVM: the given loader, then -Dmosek.jar, then MOSEK_JAR */
    static FusionLocator system(ClassLoader classPath) {
        return new FusionLocator(classPath, System::getProperty, System::getenv);
    }

    /** @return a locator that only looks in the given jar */
    static FusionLocator ofJar(Path jar) {
        String p = jar.toString();
        return new FusionLocator(null, k -> JAR_PROPERTY.equals(k) ? p : null, k -> null);
    }

    Location locate() {
        if (classPath != null && loadable(classPath)) {
            return new Location(classPath, "class path", null);
        }
        String setting = blankToNull(properties.apply(JAR_PROPERTY));
        String origin = "-D" + JAR_PROPERTY;
        if (setting == null) {
            setting = blankToNull(environment.apply(JAR_ENV));
            origin = JAR_ENV;
        }
        if (setting == null) {
            return new Location(null, null, "the MOSEK Fusion classes (" + FusionApi.MODEL_CLASS
                    + ") are not on the class path: put mosek.jar from the MOSEK distribution"
                    + " (<MOSEK>/tools/platform/linux64x86/bin/mosek.jar, with the native libraries"
                    + " left next to it) on the class path, or set " + JAR_ENV + " (or -D" + JAR_PROPERTY
                    + ") to its path");
        }
        Path jar = Path.of(setting);
        if (!Files.isRegularFile(jar)) {
            return new Location(null, null, origin + " is " + setting + ", which is not a file: point it at mosek.jar"
                    + " of the MOSEK distribution (<MOSEK>/tools/platform/linux64x86/bin/mosek.jar)");
        }
        ClassLoader loader;
        try {
            loader = jarLoader(jar);
        } catch (IOException e) {
            return new Location(null, null, "cannot open " + setting + " (" + origin + "): " + e.getMessage());
        }
        if (!loadable(loader)) {
            return new Location(null, null, setting + " (" + origin + ") does not contain " + FusionApi.MODEL_CLASS
                    + ": it must be mosek.jar of the MOSEK distribution (<MOSEK>/tools/platform/linux64x86/bin/mosek.jar)");
        }
        return new Location(loader, jar.toString(), null);
    }

    private static ClassLoader jarLoader(Path jar) throws IOException {
        Path key = jar.toRealPath();
        ClassLoader existing = JAR_LOADERS.get(key);
        if (existing != null) {
            return existing;
        }
        URL url;
        try {
            url = key.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException(e);
        }
        return JAR_LOADERS.computeIfAbsent(key,
                k -> new URLClassLoader("mosek-fusion", new URL[] {url}, ClassLoader.getPlatformClassLoader()));
    }

    private static boolean loadable(ClassLoader loader) {
        try {
            Class.forName(FusionApi.MODEL_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
