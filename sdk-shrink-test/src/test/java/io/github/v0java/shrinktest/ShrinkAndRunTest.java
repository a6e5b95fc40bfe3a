package io.github.v0java.shrinktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.testing.FakeV0Server;
import io.github.v0java.testing.Operation;
import io.github.v0java.testing.StreamScript;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;

/**
 * Shrinks and obfuscates {@link ShrinkProbe} together with the SDK and its dependencies, the way
 * R8 or ProGuard treat an application, with no rules of its own beyond the entry point: every
 * other rule comes from the {@code META-INF/proguard/*.pro} files inside the jars (ours and the
 * libraries'). Then runs the shrunk program in a fresh JVM against the fake v0 server. A missing
 * or wrong consumer rule makes a call fail or decode the wrong thing, and this test with it.
 */
class ShrinkAndRunTest {
  private static final String PROBE = ShrinkProbe.class.getName();
  private static final Path WORK = Paths.get(System.getProperty("shrink.workDirectory", "target/shrink"));
  private static final Path SHRUNK = WORK.resolve("shrunk.jar");
  private static final String[] PLATFORM_MODULES = {"java.base", "java.logging"};
  private static List<Path> inputs;

  @BeforeAll static void shrink() throws Exception {
    inputs = new ArrayList<>();
    inputs.add(Paths.get(System.getProperty("shrink.programClasses", "target/classes")));
    String classpath = new String(Files.readAllBytes(Paths.get(
        System.getProperty("shrink.programClasspath", "target/program-classpath.txt"))),
        StandardCharsets.UTF_8).trim();
    for (String entry : classpath.split(File.pathSeparator)) inputs.add(Paths.get(entry));
    Files.createDirectories(WORK);
    Files.deleteIfExists(SHRUNK);

    StringBuilder config = new StringBuilder();
    for (Path input : inputs) {
      // Module descriptors and multi-release variants are not part of an Android app, and
      // manifests and licence files would only collide; the rules are read from META-INF below.
      config.append("-injars ").append(quote(input)).append("(!META-INF/**,!module-info.class)\n");
    }
    config.append("-outjars ").append(quote(SHRUNK)).append('\n');
    // The platform: the JDK modules the SDK and its dependencies use (on Android, android.jar).
    for (String module : PLATFORM_MODULES) {
      Path jmod = Paths.get(System.getProperty("java.home"), "jmods", module + ".jmod");
      if (Files.isRegularFile(jmod)) {
        config.append("-libraryjars ").append(quote(jmod)).append("(!**.jar;!module-info.class)\n");
      } else {
        config.append("-libraryjars ").append(quote(moduleJar(module))).append("(!module-info.class)\n");
      }
    }
    // Retrofit and OkHttp reach Android's own classes only when they run on Android, where
    // android.jar provides them; the platform here is the JDK.
    config.append("-dontwarn android.**\n");
    // Shrinking and obfuscation are what the rules are for. ProGuard's optimizer (not R8's)
    // turns Okio's source(InputStream) into unverifiable bytecode (a VerifyError at the first
    // request), and it would nearly triple the time.
    config.append("-dontoptimize\n");
    config.append("-keep public class ").append(PROBE)
        .append(" { public static void main(java.lang.String[]); }\n");
    config.append("-printmapping ").append(quote(WORK.resolve("mapping.txt"))).append('\n');
    for (Path rules : consumerRules()) config.append("-include ").append(quote(rules)).append('\n');
    Path configFile = WORK.resolve("proguard.pro");
    Files.write(configFile, config.toString().getBytes(StandardCharsets.UTF_8));

    long start = System.nanoTime();
    Configuration configuration = new Configuration();
    try (ConfigurationParser parser = new ConfigurationParser(configFile.toFile(), System.getProperties())) {
      parser.parse(configuration);
    }
    new ProGuard(configuration).execute();
    System.out.printf("ProGuard shrank %d inputs in %d ms%n", inputs.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  @Test void shrunkProgramRunsAgainstTheFake() throws Exception {
    try (FakeV0Server fake = scriptedFake()) {
      Map<String, String> results = run(SHRUNK.toString(), fake);

      assertThat(results.get("sync.chat")).startsWith(FakeV0Server.CHAT_ID + " ");
      assertThat(results.get("sync.message")).endsWith(" assistant stop");
      assertThat(Integer.parseInt(results.get("stream.states"))).isGreaterThan(40);
      assertThat(results.get("stream.parts")).matches(DEMO_PARTS);
      assertThat(results.get("stream.finish")).isEqualTo("stop true");
      assertThat(results.get("stream.usage")).isNotEqualTo("none");
      assertThat(results.get("rx.parts")).isEqualTo(results.get("stream.parts"));
      assertThat(results.get("poll.message")).isEqualTo(FakeV0Server.ASYNC_MESSAGE_ID + " stop");
      assertThat(results.get("list.count")).isEqualTo("25");
      assertThat(results.get("error")).isEqualTo("true 404 Chat not found");
      assertThat(results.get("service.message")).isNotBlank();
      assertThat(results.get("v1.chat")).isNotBlank().doesNotContain("null");
      assertThat(fake.requests(Operation.SEND_MESSAGE_STREAM)).hasSize(2);
      assertThat(fake.lastRequest(Operation.CREATE_CHAT).getHeader("Authorization"))
          .isEqualTo("Bearer shrink-test-key");
    }
  }

  @Test void shrunkProgramPrintsWhatTheUnshrunkOnePrints() throws Exception {
    String plain = inputs.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Map<String, String> unshrunk;
    try (FakeV0Server fake = scriptedFake()) {
      unshrunk = run(plain, fake);
    }
    try (FakeV0Server fake = scriptedFake()) {
      assertThat(run(SHRUNK.toString(), fake)).isEqualTo(unshrunk);
    }
  }

  @Test void theSdkWasShrunkAndObfuscated() throws IOException {
    long inputBytes = 0;
    for (Path input : inputs) if (Files.isRegularFile(input)) inputBytes += Files.size(input);
    List<String> classes = new ArrayList<>();
    try (ZipFile jar = new ZipFile(SHRUNK.toFile())) {
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class")) classes.add(name);
      }
    }

    assertThat(classes).contains(PROBE.replace('.', '/') + ".class")
        .doesNotContain("io/github/v0java/V0Client.class", "io/github/v0java/MessageAccumulator.class",
            "io/github/v0java/model/Message.class", "io/github/v0java/rx/RxV0.class",
            "okhttp3/OkHttpClient.class");
    assertThat(Files.size(SHRUNK)).isLessThan(inputBytes / 3);
  }

  /** The part kinds of {@link StreamScript#demoGeneration()}'s final message, in order. */
  private static final String DEMO_PARTS =
      "thinking,file-read,search,file-edit,file-edit,bash,tool-call,text\\([1-9][0-9]*\\)";

  private static FakeV0Server scriptedFake() {
    return FakeV0Server.start()
        .onSendMessageStream(StreamScript.demoGeneration())
        .asyncFinishesAfterPolls(2)
        .messageHistory(25)
        .failWith(Operation.GET_CHAT, 404, "Chat not found");
  }

  /** Runs the probe in a fresh JVM on {@code classpath}; returns its {@code key=value} lines. */
  private static Map<String, String> run(String classpath, FakeV0Server fake) throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile(WORK, "probe", ".out");
    Path err = Files.createTempFile(WORK, "probe", ".err");
    Process process = new ProcessBuilder(java.toString(), "-cp", classpath, PROBE,
        fake.baseUrl(), fake.v1BaseUrl())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) process.destroyForcibly();
    String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
    assertThat(exited).as("the probe finished; stderr:%n%s", stderr).isTrue();
    assertThat(process.exitValue()).as("the probe's exit status; stderr:%n%s", stderr).isZero();
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int equals = line.indexOf('=');
      if (equals > 0) results.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return results;
  }

  /**
   * The consumer rules inside the inputs, {@code META-INF/proguard/*.pro}, copied out to files as
   * R8 and the Android Gradle plugin read them from a dependency.
   */
  private static List<Path> consumerRules() throws IOException {
    List<Path> rules = new ArrayList<>();
    Path dir = WORK.resolve("consumer-rules");
    Files.createDirectories(dir);
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        Path proguard = input.resolve("META-INF/proguard");
        if (!Files.isDirectory(proguard)) continue;
        try (Stream<Path> files = Files.list(proguard)) {
          for (Path file : (Iterable<Path>) files::iterator) {
            if (file.toString().endsWith(".pro")) rules.add(file);
          }
        }
        continue;
      }
      try (ZipFile jar = new ZipFile(input.toFile())) {
        for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
          ZipEntry entry = e.nextElement();
          String name = entry.getName();
          if (!name.startsWith("META-INF/proguard/") || !name.endsWith(".pro")) continue;
          Path copy = dir.resolve(input.getFileName() + "-" + name.substring(name.lastIndexOf('/') + 1));
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
          rules.add(copy);
        }
      }
    }
    return rules;
  }

  /**
   * The classes of a JDK module as a jar, for JDKs that ship no {@code jmods} directory: copied
   * from the run-time image ({@code jrt:/}).
   */
  private static Path moduleJar(String module) throws IOException {
    Path jar = WORK.resolve(module + ".jar");
    if (Files.isRegularFile(jar)) return jar;
    Path root = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", module);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
         Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.toString().endsWith(".class")) continue;
        out.putNextEntry(new ZipEntry(root.relativize(file).toString()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String quote(Path path) {
    return "'" + path.toAbsolutePath() + "'";
  }
}
