package io.github.v0java;

import io.github.v0java.internal.AtomicFile;
import io.github.v0java.model.ChatFiles;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the files of a chat into a directory on disk: subdirectories created, base64 decoded,
 * text as UTF-8, each existing file replaced atomically.
 *
 * <p>Paths come from the server and are untrusted. Every path is checked before the first byte
 * is written, and a single bad one refuses the whole write with {@link V0UnsafePathException}:
 * absolute paths, {@code .} and {@code ..} segments, empty segments, backslashes, colons (drive
 * prefixes such as {@code C:}, Windows streams), NUL and other control characters, and anything
 * whose canonical location (symbolic links followed) is outside the directory.
 *
 * <pre>{@code
 * List<ProjectDirectory.WrittenFile> written = ProjectDirectory.at(new File("app"))
 *     .write(v0.chats().files(chatId));
 * }</pre>
 */
public final class ProjectDirectory {
  private final File root;

  private ProjectDirectory(File root) {
    this.root = root;
  }

  /**
   * The directory {@code root}, created when files are written if it does not exist.
   *
   * @param root the directory to write into
   * @return a writer under {@code root}; nothing is touched yet
   */
  public static ProjectDirectory at(File root) {
    if (root == null) throw new NullPointerException("root == null");
    return new ProjectDirectory(root);
  }

  /**
   * The directory files are written into.
   *
   * @return the directory files are written into
   */
  public File root() {
    return root;
  }

  /**
   * Writes every file of {@code files}; see {@link #write(List)}.
   *
   * @param files the files to write
   * @return what was written, in order
   * @throws IOException if writing failed (files written before stay written)
   */
  public List<WrittenFile> write(ChatFiles files) throws IOException {
    return write(ProjectFile.listOf(files));
  }

  /**
   * Writes {@code files} under the directory, in order, after checking every path and decoding
   * every content.
   *
   * @param files the files to write
   * @return what was written, in order
   * @throws V0UnsafePathException if any path is unsafe (nothing is written then)
   * @throws V0DecodingException if any content does not decode (nothing is written then)
   * @throws IOException if writing failed (files written before stay written)
   */
  public List<WrittenFile> write(List<ProjectFile> files) throws IOException {
    if (files == null) throw new NullPointerException("files == null");
    File canonicalRoot = root.getCanonicalFile();
    // Everything is checked and decoded first: a refusal leaves the disk untouched.
    Map<File, byte[]> planned = new LinkedHashMap<>();
    List<ProjectFile> order = new ArrayList<>();
    Set<String> directories = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (ProjectFile file : files) {
      String path = file.path();
      String[] segments = checkPath(path);
      File target = resolve(canonicalRoot, path, segments);
      if (!seen.add(path)) throw new V0UnsafePathException(path, "appears twice");
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < segments.length - 1; i++) {
        if (i > 0) prefix.append('/');
        prefix.append(segments[i]);
        directories.add(prefix.toString());
      }
      planned.put(target, file.bytes());
      order.add(file);
    }
    for (ProjectFile file : order) {
      if (directories.contains(file.path())) {
        throw new V0UnsafePathException(file.path(), "is both a file and a directory");
      }
    }
    List<WrittenFile> written = new ArrayList<>(planned.size());
    int index = 0;
    for (Map.Entry<File, byte[]> entry : planned.entrySet()) {
      File target = entry.getKey();
      File parent = target.getParentFile();
      if (!parent.isDirectory() && !parent.mkdirs() && !parent.isDirectory()) {
        throw new IOException("could not create directory " + parent);
      }
      long bytes = AtomicFile.write(target, entry.getValue());
      written.add(new WrittenFile(order.get(index++).path(), target, bytes));
    }
    return Collections.unmodifiableList(written);
  }

  /** The segments of a safe relative path, or an exception naming why it is refused. */
  static String[] checkPath(String path) {
    if (path == null) throw new V0UnsafePathException(null, "is null");
    if (path.isEmpty()) throw new V0UnsafePathException(path, "is empty");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) throw new V0UnsafePathException(path, "contains NUL");
      if (c < 0x20 || c == 0x7f) throw new V0UnsafePathException(path, "contains a control character");
      if (c == '\\') throw new V0UnsafePathException(path, "contains a backslash");
      if (c == ':') throw new V0UnsafePathException(path, "contains ':' (a drive prefix or stream name)");
    }
    if (path.startsWith("/")) throw new V0UnsafePathException(path, "is absolute");
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) throw new V0UnsafePathException(path, "has an empty segment");
      if (segment.equals(".") || segment.equals("..")) {
        throw new V0UnsafePathException(path, "has a '" + segment + "' segment");
      }
    }
    return segments;
  }

  private static File resolve(File canonicalRoot, String path, String[] segments) throws IOException {
    File target = canonicalRoot;
    for (String segment : segments) target = new File(target, segment);
    // Symbolic links already on disk could still lead elsewhere.
    String canonical = target.getCanonicalPath();
    String rootPath = canonicalRoot.getPath();
    String prefix = rootPath.endsWith(File.separator) ? rootPath : rootPath + File.separator;
    if (!canonical.startsWith(prefix)) {
      throw new V0UnsafePathException(path, "resolves outside " + canonicalRoot);
    }
    return target;
  }

  /** One file {@link #write} wrote: the server's path, the file on disk and its size. */
  public static final class WrittenFile {
    private final String path;
    private final File file;
    private final long bytes;

    WrittenFile(String path, File file, long bytes) {
      this.path = path;
      this.file = file;
      this.bytes = bytes;
    }

    /**
     * The path within the project, as the server sent it.
     *
     * @return the path within the project, as the server sent it
     */
    public String path() {
      return path;
    }

    /**
     * The file written.
     *
     * @return the file written
     */
    public File file() {
      return file;
    }

    /**
     * How many bytes were written.
     *
     * @return how many bytes were written
     */
    public long bytes() {
      return bytes;
    }

    @Override public String toString() {
      return path + " (" + bytes + " bytes)";
    }
  }
}
