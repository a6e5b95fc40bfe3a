package io.github.v0java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.v0java.model.ChatFile;
import io.github.v0java.model.FileEncoding;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing a chat's files to disk: contents exact, and server paths treated as untrusted. */
class ProjectDirectoryTest {
  @TempDir Path dir;

  private static ProjectFile text(String path, String content) {
    return ProjectFile.of(ChatFile.builder().path(path).content(content).encoding(FileEncoding.UTF8).build());
  }

  private static ProjectFile binary(String path, byte[] bytes) {
    return ProjectFile.of(ChatFile.builder().path(path)
        .content(Base64.getEncoder().encodeToString(bytes)).encoding(FileEncoding.BASE64).build());
  }

  private static byte[] allByteValues() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < 256; i++) bytes[i] = (byte) i;
    return bytes;
  }

  @Test void writesNestedNonAsciiBinaryAndEmptyFilesExactly() throws IOException {
    List<ProjectDirectory.WrittenFile> written = ProjectDirectory.at(dir.toFile()).write(Arrays.asList(
        text("app/(marketing)/[slug]/page.tsx", "export default () => <p>Grüße, 世界 👋</p>\n"),
        text("docs/日本語/読んでね.md", "# こんにちは\n"),
        binary("public/bytes.bin", allByteValues()),
        text("empty.txt", "")));

    assertThat(Files.readString(dir.resolve("app/(marketing)/[slug]/page.tsx"), StandardCharsets.UTF_8))
        .isEqualTo("export default () => <p>Grüße, 世界 👋</p>\n");
    assertThat(Files.readString(dir.resolve("docs/日本語/読んでね.md"))).isEqualTo("# こんにちは\n");
    assertThat(Files.readAllBytes(dir.resolve("public/bytes.bin"))).isEqualTo(allByteValues());
    assertThat(dir.resolve("empty.txt")).exists().isEmptyFile();
    assertThat(written).extracting(ProjectDirectory.WrittenFile::bytes)
        .containsExactly((long) "export default () => <p>Grüße, 世界 👋</p>\n".getBytes(StandardCharsets.UTF_8).length,
            (long) "# こんにちは\n".getBytes(StandardCharsets.UTF_8).length, 256L, 0L);
  }

  @Test void existingFilesAreReplacedAndNoTemporaryFileIsLeft() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/page.tsx"), "old content that is longer than the new one");

    ProjectDirectory.at(dir.toFile()).write(Arrays.asList(text("app/page.tsx", "new")));

    assertThat(Files.readString(dir.resolve("app/page.tsx"))).isEqualTo("new");
    try (Stream<Path> entries = Files.list(dir.resolve("app"))) {
      assertThat(entries).containsExactly(dir.resolve("app/page.tsx"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/etc/passwd", "../escape.txt", "app/../../escape.txt", "app/./page.tsx", "..",
      "app\\..\\..\\escape.txt", "C:/Windows/system32/evil.dll", "C:evil.txt", "file.txt:stream",
      "app/page\u0000.tsx", "app/line\nbreak.txt", "app//page.tsx", "app/", ""})
  void unsafePathsAreRefusedBeforeAnythingIsWritten(String hostile) throws IOException {
    List<ProjectFile> files = new ArrayList<>();
    files.add(text("app/fine.tsx", "written only if every path is safe"));
    files.add(text(hostile, "evil"));

    Throwable thrown = catchThrowable(() -> ProjectDirectory.at(dir.resolve("out").toFile()).write(files));

    assertThat(thrown).isInstanceOf(V0UnsafePathException.class);
    assertThat(((V0UnsafePathException) thrown).path()).isEqualTo(hostile);
    assertThat(thrown.getMessage()).doesNotContain("\u0000").doesNotContain("\n");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(dir.getParent().resolve("escape.txt")).doesNotExist();
  }

  @Test void aSymbolicLinkLeadingOutsideIsRefused() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("link"), outside);

    Throwable thrown = catchThrowable(() -> ProjectDirectory.at(target.toFile())
        .write(Arrays.asList(text("ok.txt", "x"), text("link/evil.txt", "evil"))));

    assertThat(thrown).isInstanceOf(V0UnsafePathException.class).hasMessageContaining("link/evil.txt")
        .hasMessageContaining("outside");
    try (Stream<Path> entries = Files.list(outside)) {
      assertThat(entries).isEmpty();
    }
    assertThat(target.resolve("ok.txt")).doesNotExist();
  }

  @Test void aPathThatIsBothAFileAndADirectoryOrRepeatedIsRefused() {
    File out = dir.resolve("out").toFile();
    assertThat(catchThrowable(() -> ProjectDirectory.at(out)
        .write(Arrays.asList(text("app", "x"), text("app/page.tsx", "y")))))
        .isInstanceOf(V0UnsafePathException.class).hasMessageContaining("both a file and a directory");
    assertThat(catchThrowable(() -> ProjectDirectory.at(out)
        .write(Arrays.asList(text("a.txt", "x"), text("a.txt", "y")))))
        .isInstanceOf(V0UnsafePathException.class).hasMessageContaining("twice");
    assertThat(out).doesNotExist();
  }

  @Test void badBase64IsRefusedBeforeAnythingIsWritten() {
    ProjectFile bad = ProjectFile.of(ChatFile.builder().path("b.bin").content("not base64!!")
        .encoding(FileEncoding.BASE64).build());

    Throwable thrown = catchThrowable(() -> ProjectDirectory.at(dir.toFile())
        .write(Arrays.asList(text("a.txt", "x"), bad)));

    assertThat(thrown).isInstanceOf(V0DecodingException.class).hasMessageContaining("b.bin");
    assertThat(dir.resolve("a.txt")).doesNotExist();
  }
}
