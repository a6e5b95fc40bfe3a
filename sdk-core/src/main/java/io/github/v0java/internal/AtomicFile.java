package io.github.v0java.internal;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * Replaces a file atomically: the content goes to a temporary file beside the target (same
 * directory, so same file system), is synced, then renamed over the target. Readers see the old
 * file or the new one, never a half-written one. java.io only (Android API 21 has no
 * java.nio.file).
 */
public final class AtomicFile {
  private AtomicFile() {
  }

  /** Writes {@code content} to {@code target}; returns the number of bytes written. */
  public static long write(File target, byte[] content) throws IOException {
    return write(target, new okio.Buffer().write(content));
  }

  /**
   * Streams {@code content} (closed afterwards) to {@code target} without holding it in memory;
   * returns the number of bytes written. On failure the target is unchanged and the temporary
   * file removed.
   */
  public static long write(File target, Source content) throws IOException {
    File dir = target.getAbsoluteFile().getParentFile();
    if (dir == null) throw new IOException("no parent directory for " + target);
    File temp = File.createTempFile("." + target.getName() + ".", ".tmp", dir);
    boolean done = false;
    try {
      long written;
      FileOutputStream out = new FileOutputStream(temp);
      try {
        BufferedSink sink = Okio.buffer(Okio.sink(out));
        try {
          written = sink.writeAll(content);
        } finally {
          content.close();
        }
        sink.flush();
        out.getFD().sync();
        sink.close();
      } finally {
        out.close();
      }
      if (!temp.renameTo(target)) {
        // Windows does not rename over an existing file: remove it, then rename.
        if (!target.delete() || !temp.renameTo(target)) {
          throw new IOException("could not move " + temp + " to " + target);
        }
      }
      done = true;
      return written;
    } finally {
      if (!done && temp.exists() && !temp.delete()) {
        temp.deleteOnExit();
      }
    }
  }
}
