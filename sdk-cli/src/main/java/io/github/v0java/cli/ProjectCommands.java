package io.github.v0java.cli;

import io.github.v0java.PollingOptions;
import io.github.v0java.ProjectDirectory;
import io.github.v0java.V0Client;
import io.github.v0java.model.ChatPreview;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The commands that bring the generated app to this machine: {@code files pull} (the source files
 * into a directory), {@code files download} (the ZIP archive), {@code preview} (its URL) and
 * {@code preview serve} (a local proxy to it). Failures are thrown, for {@link Cli} to report.
 */
final class ProjectCommands {
  private final V0Client client;
  private final Console console;
  private final JsonLines lines;
  private final boolean json;

  ProjectCommands(V0Client client, Console console, JsonLines lines, boolean json) {
    this.client = client;
    this.console = console;
    this.lines = lines;
    this.json = json;
  }

  /** Writes the chat's files under {@code dir}; a refused path writes nothing. */
  int pull(String chatId, String dir) throws IOException {
    console.startSpinner("fetching the files");
    List<ProjectDirectory.WrittenFile> written = client.chats().writeFiles(chatId, new File(dir));
    console.stopSpinner();
    long total = 0;
    for (ProjectDirectory.WrittenFile file : written) {
      total += file.bytes();
      if (json) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("path", file.path());
        line.put("bytes", file.bytes());
        console.line(lines.line("file", line));
      } else {
        console.line(file.path() + console.dim("  " + file.bytes() + " bytes"));
      }
    }
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("dir", dir);
      result.put("files", written.size());
      console.line(lines.line("result", result));
    } else {
      console.line(console.dim(written.size() + (written.size() == 1 ? " file" : " files") + ", "
          + total + " bytes, written under " + dir));
    }
    return 0;
  }

  /** Streams the chat's ZIP archive into {@code file}, never holding it in memory. */
  int download(String chatId, String file) throws IOException {
    console.startSpinner("downloading");
    long bytes = client.chats().downloadFiles(chatId, new File(file));
    console.stopSpinner();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("path", file);
      result.put("bytes", bytes);
      console.line(lines.line("result", result));
    } else {
      console.line("downloaded " + bytes + " bytes to " + file);
    }
    return 0;
  }

  /**
   * Shows the chat's preview: its URL and expiry (the token only if asked), or that it is still
   * starting; with {@code wait}, polls until it is ready.
   */
  int preview(String chatId, boolean wait, PollingOptions polling, boolean showToken) {
    ChatPreview preview;
    if (wait) {
      console.startSpinner("waiting for the preview");
      preview = client.chats().pendingPreview(chatId, polling).await();
    } else {
      preview = client.chats().preview(chatId);
    }
    console.stopSpinner();
    if (preview != null && !showToken) console.mask(preview.getToken());
    if (json) {
      Map<String, Object> result = null;
      if (preview != null) {
        result = new LinkedHashMap<>();
        result.put("url", preview.getUrl());
        result.put("expiresAt", preview.getExpiresAt() == null ? null : preview.getExpiresAt().toString());
        if (showToken) result.put("token", preview.getToken());
      }
      console.line(lines.line("result", result));
    } else if (preview == null) {
      console.line("the preview of chat " + chatId + " is starting");
      console.line(console.dim("wait for it: v0 preview " + chatId + " --wait"));
    } else {
      console.line(preview.getUrl());
      if (preview.getExpiresAt() != null) console.line(console.dim("expires at " + preview.getExpiresAt()));
      if (showToken) console.line("token: " + preview.getToken());
      console.line(console.dim("it needs the x-v0-preview-token header; open it in a browser with: v0 preview serve "
          + chatId));
    }
    return 0;
  }

  /** Serves the chat's preview on 127.0.0.1 until the thread is interrupted (Ctrl-C). */
  int serve(String chatId, int port) throws IOException {
    try (PreviewServer server = PreviewServer.start(client, chatId, port, console, !json)) {
      String url = server.url();
      if (json) {
        console.line(lines.line("serving", Map.of("url", url)));
      } else {
        console.line("serving the preview of chat " + chatId + " at " + console.bold(url));
        console.line(console.dim("open it in a browser; Ctrl-C to stop"));
      }
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        // The interruption is how the command ends: handled here, by stopping and exiting 0.
      }
      return 0;
    }
  }
}
