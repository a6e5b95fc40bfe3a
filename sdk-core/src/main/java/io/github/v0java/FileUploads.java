package io.github.v0java;

import io.github.v0java.model.FileUpload;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import okio.BufferedSource;
import okio.Okio;

/**
 * Local files to create a chat from ({@link Chats#createFromFiles}), read and checked against the
 * API's limits before any request: 1 to {@value #MAX_FILES} files, each UTF-8 text. A file that
 * breaks a limit is refused with {@link V0InvalidRequestException} naming it.
 */
public final class FileUploads {
  /** The most files a chat can be created from. */
  public static final int MAX_FILES = 20;

  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private FileUploads() {
  }

  /**
   * Every regular file under {@code directory} (subdirectories included, in name order), named by
   * its path relative to the directory with {@code /} separators.
   *
   * @param directory the project's root
   * @return the files, ready for a create-from-files request
   * @throws IOException if a file cannot be read
   */
  public static List<FileUpload> fromDirectory(File directory) throws IOException {
    if (directory == null) throw new V0InvalidRequestException("directory", "is null");
    if (!directory.isDirectory()) {
      throw new V0InvalidRequestException("directory", directory + " is not a directory");
    }
    List<File> files = new ArrayList<>();
    collect(directory, files);
    if (files.size() > MAX_FILES) {
      throw new V0InvalidRequestException("files", directory + " holds more than " + MAX_FILES
          + " files; at most " + MAX_FILES + " are allowed");
    }
    return fromFiles(directory, files);
  }

  /**
   * The files {@code files}, each named by its path relative to {@code base} (which must contain
   * them) with {@code /} separators.
   *
   * @param base the directory the names are relative to
   * @param files the files to upload, each under {@code base}
   * @return the files, ready for a create-from-files request
   * @throws IOException if a file cannot be read
   */
  public static List<FileUpload> fromFiles(File base, List<File> files) throws IOException {
    if (base == null) throw new V0InvalidRequestException("base", "is null");
    if (files == null) throw new V0InvalidRequestException("files", "is null");
    check(files.size());
    String basePath = base.getCanonicalPath();
    String prefix = basePath.endsWith(File.separator) ? basePath : basePath + File.separator;
    List<FileUpload> uploads = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      File file = files.get(i);
      String field = "files[" + i + "]";
      if (file == null) throw new V0InvalidRequestException(field, "is null");
      if (!file.isFile()) throw new V0InvalidRequestException(field, file + " is not a file");
      String path = file.getCanonicalPath();
      if (!path.startsWith(prefix)) {
        throw new V0InvalidRequestException(field, file + " is not inside " + base);
      }
      String name = path.substring(prefix.length()).replace(File.separatorChar, '/');
      uploads.add(FileUpload.builder().name(name).content(utf8(field, name, file)).build());
    }
    return Collections.unmodifiableList(uploads);
  }

  /** Checks uploads built by hand: the count, names and contents the API accepts. */
  static void check(List<FileUpload> files) {
    if (files == null) throw new V0InvalidRequestException("files", "is required");
    check(files.size());
    for (int i = 0; i < files.size(); i++) {
      FileUpload file = files.get(i);
      String field = "files[" + i + "]";
      if (file == null) throw new V0InvalidRequestException(field, "is null");
      if (file.getName() == null || file.getName().isEmpty()) {
        throw new V0InvalidRequestException(field + ".name", "must not be empty");
      }
      if (file.getContent() == null) {
        throw new V0InvalidRequestException(field + ".content", "is required (" + file.getName() + ")");
      }
    }
  }

  private static void check(int count) {
    if (count == 0) throw new V0InvalidRequestException("files", "at least one file is required");
    if (count > MAX_FILES) {
      throw new V0InvalidRequestException("files", count + " files; at most " + MAX_FILES
          + " are allowed");
    }
  }

  private static String utf8(String field, String name, File file) throws IOException {
    byte[] bytes;
    BufferedSource source = Okio.buffer(Okio.source(file));
    try {
      bytes = source.readByteArray();
    } finally {
      source.close();
    }
    try {
      return UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new V0InvalidRequestException(field, name + " is not UTF-8 text (only text files can be"
          + " uploaded)");
    }
  }

  private static void collect(File directory, List<File> into) {
    File[] children = directory.listFiles();
    if (children == null) return;
    Arrays.sort(children);
    for (File child : children) {
      if (child.isDirectory()) {
        collect(child, into);
      } else if (child.isFile()) {
        into.add(child);
      }
      if (into.size() > MAX_FILES) return; // Enough to refuse; no need to walk a whole tree.
    }
  }
}
