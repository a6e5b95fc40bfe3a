package io.github.v0java;

import io.github.v0java.model.ChatFile;
import io.github.v0java.model.ChatFiles;
import io.github.v0java.model.FileEncoding;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okio.ByteString;

/**
 * One source file of a chat with its content decoded: {@link #bytes()} whatever the encoding
 * ({@code utf8} text or {@code base64} binary). The {@link #path()} is the server's, untrusted:
 * {@link ProjectDirectory} checks it before writing.
 */
public final class ProjectFile {
  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final String path;
  private final FileEncoding encoding;
  private final String content;

  private ProjectFile(String path, FileEncoding encoding, String content) {
    this.path = path;
    this.encoding = encoding;
    this.content = content;
  }

  /**
   * The file as the API sent it.
   *
   * @param file a file of a chat's files answer
   * @return the file as the API sent it
   */
  public static ProjectFile of(ChatFile file) {
    if (file == null) throw new NullPointerException("file == null");
    return new ProjectFile(file.getPath(), file.getEncoding(), file.getContent());
  }

  /**
   * Every file of {@code files}, in order.
   *
   * @param files a chat's files answer
   * @return the files, in the API's order
   */
  public static List<ProjectFile> listOf(ChatFiles files) {
    if (files == null || files.getFiles() == null) return Collections.emptyList();
    List<ProjectFile> result = new ArrayList<>(files.getFiles().size());
    for (ChatFile file : files.getFiles()) result.add(of(file));
    return Collections.unmodifiableList(result);
  }

  /**
   * The path within the project, as the server sent it, such as {@code app/page.tsx}.
   *
   * @return the path within the project, as the server sent it, such as {@code app/page.tsx}
   */
  public String path() {
    return path;
  }

  /**
   * How the content is encoded on the wire; an unknown future encoding is kept as data.
   *
   * @return how the content is encoded on the wire
   */
  public FileEncoding encoding() {
    return encoding;
  }

  /**
   * Whether the file is text ({@code utf8}).
   *
   * @return whether the file is text ({@code utf8})
   */
  public boolean isText() {
    return encoding == FileEncoding.UTF8;
  }

  /**
   * The file's bytes: UTF-8 for text, decoded for base64.
   *
   * @return the file's bytes
   * @throws V0DecodingException for base64 that does not decode or an unknown encoding
   */
  public byte[] bytes() {
    String text = content == null ? "" : content;
    if (encoding == FileEncoding.UTF8) return text.getBytes(UTF_8);
    if (encoding == FileEncoding.BASE64) {
      ByteString decoded = ByteString.decodeBase64(text);
      if (decoded == null) {
        throw new V0DecodingException(200, "file " + V0UnsafePathException.quote(path)
            + ": content is not valid base64", null);
      }
      return decoded.toByteArray();
    }
    throw new V0DecodingException(200, "file " + V0UnsafePathException.quote(path)
        + ": unknown encoding " + encoding, null);
  }

  /**
   * The file's text.
   *
   * @return the file's text
   * @throws IllegalStateException if the file is not text
   */
  public String text() {
    if (!isText()) throw new IllegalStateException(path + " is " + encoding + ", not text");
    return content == null ? "" : content;
  }

  @Override public String toString() {
    return "ProjectFile{path=" + path + ", encoding=" + encoding + "}";
  }
}
