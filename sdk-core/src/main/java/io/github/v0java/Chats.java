package io.github.v0java;

import io.github.v0java.api.ChatsApi;
import io.github.v0java.internal.AtomicFile;
import io.github.v0java.model.AsyncChat;
import io.github.v0java.model.Chat;
import io.github.v0java.model.ChatDeployment;
import io.github.v0java.model.ChatFiles;
import io.github.v0java.model.ChatList;
import io.github.v0java.model.ChatMessages;
import io.github.v0java.model.ChatPreview;
import io.github.v0java.model.ChatStreamEvent;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatFromFilesRequest;
import io.github.v0java.model.CreateChatFromRepoRequest;
import io.github.v0java.model.CreateChatFromZipRequest;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.ConnectStatusPending;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.CreateVercelProjectRequest;
import io.github.v0java.model.CreatedVercelProject;
import io.github.v0java.model.DeleteChatResponse;
import io.github.v0java.model.DuplicateChatRequest;
import io.github.v0java.model.FileChange;
import io.github.v0java.model.Message;
import io.github.v0java.model.RestoreMessageRequest;
import io.github.v0java.model.UpdateChatFilesRequest;
import io.github.v0java.model.UpdateChatRequest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.Okio;

/**
 * Chat operations of API v2. A chat is created from a first message, whose answer arrives in one
 * of three ways: {@link #create} waits for it, {@link #createStream} streams it as it is
 * generated, {@link #createAsync} returns at once with ids to poll. A chat can also start from
 * source files, a ZIP archive or a GitHub repository. The app a chat builds is in hand through
 * {@link #files}, {@link #writeFiles}, {@link #downloadFiles} and {@link #awaitPreview}.
 */
public final class Chats {
  /** The page size the API uses when none is given. */
  public static final int DEFAULT_LIMIT = 20;
  /** The largest page the API returns. */
  public static final int MAX_LIMIT = 100;

  private final V0Client client;
  private final ChatsApi api;

  Chats(V0Client client) {
    this.client = client;
    this.api = client.service(ChatsApi.class);
  }

  /**
   * Creates a chat and waits until the first answer is generated ({@code POST /chats}).
   * Generations can take minutes: prefer {@link #createStream} or {@link #createAsync} for
   * anything interactive.
   *
   * @param request the request body; checked before anything is sent
   * @return the new chat and the usage of its first generation
   */
  public ChatWithUsage create(CreateChatRequest request) {
    checkCreate(request);
    return client.execute(api.create(request));
  }

  /**
   * Creates a chat and returns at once ({@code POST /chats/async}, status 202) with a handle on
   * its first generation: {@link PendingGeneration#chatId()} is the new chat, and
   * {@link PendingGeneration#await()} polls the message until it is done.
   *
   * @param request the request body; checked before anything is sent
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> createAsync(CreateChatRequest request) {
    return createAsync(request, PollingOptions.defaults());
  }

  /**
   * Like {@link #createAsync(CreateChatRequest)}, polling as {@code options} say.
   *
   * @param request the request body; checked before anything is sent
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle on the generation; {@link PendingGeneration#await()} polls until it is
   *     finished
   */
  public PendingGeneration<Message> createAsync(CreateChatRequest request, PollingOptions options) {
    checkCreate(request);
    AsyncChat accepted = client.execute(api.createAsync(request));
    return client.messages().pending(accepted.getChatId(), accepted.getMessageId(), options);
  }

  /**
   * Creates a chat and streams its first answer ({@code POST /chats/stream}): the chat, its title
   * and the message's parts as they are generated. Close the stream to cancel.
   *
   * @param request the request body; checked before anything is sent
   * @return the events as they arrive; close the stream to cancel
   */
  public EventStream<ChatStreamEvent> createStream(CreateChatRequest request) {
    checkCreate(request);
    return client.streams().open(api.createStream(request), ChatStreamEvent.class,
        client.recovery(null));
  }

  /**
   * Like {@link #createStream(CreateChatRequest)}, delivering to {@code listener} on OkHttp's threads.
   *
   * @param request the request body; checked before anything is sent
   * @param listener told about each event, then the end or the failure, on OkHttp's threads
   * @return a handle that cancels the stream
   */
  public Cancellable createStream(CreateChatRequest request, StreamListener<ChatStreamEvent> listener) {
    checkCreate(request);
    return client.streams().enqueue(api.createStream(request), ChatStreamEvent.class, listener,
        client.recovery(null));
  }

  /**
   * Returns the chat ({@code GET /chats/{chatId}}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the chat ({@code GET /chats/{chatId}})
   */
  public Chat get(String chatId) {
    return client.execute(api.get(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Reattaches to the chat's running generation ({@code POST /chats/{chatId}/resume}), streaming
   * it from the start: after a dropped connection, or from another device.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the events as they arrive; close the stream to cancel
   */
  public EventStream<ChatStreamEvent> resume(String chatId) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.streams().open(api.resume(id), ChatStreamEvent.class, client.recovery(id));
  }

  /**
   * Like {@link #resume(String)}, delivering to {@code listener} on OkHttp's threads.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param listener told about each event, then the end or the failure, on OkHttp's threads
   * @return a handle that cancels the stream
   */
  public Cancellable resume(String chatId, StreamListener<ChatStreamEvent> listener) {
    String id = RequestValidator.pathId("chatId", chatId);
    return client.streams().enqueue(api.resume(id), ChatStreamEvent.class, listener,
        client.recovery(id));
  }

  /**
   * Returns one page of the chats the API key can see ({@code GET /chats}), newest first.
   *
   * @param filter which chats ({@link ChatFilter#all()} for every one)
   * @param limit page size, 1 to {@value #MAX_LIMIT}
   * @param cursor the cursor of the previous page, or null for the first page
   * @return one page of the chats the API key can see
   */
  public ChatList list(ChatFilter filter, int limit, String cursor) {
    if (filter == null) throw new V0InvalidRequestException("filter", "is null");
    RequestValidator.limit("limit", limit, 1, MAX_LIMIT);
    return client.execute(listCall(filter, limit, cursor));
  }

  /**
   * Returns the first page of every chat, {@value #DEFAULT_LIMIT} at most.
   *
   * @return the first page of every chat, {@value #DEFAULT_LIMIT} at most
   */
  public ChatList list() {
    return list(ChatFilter.all(), DEFAULT_LIMIT, null);
  }

  /**
   * The chats {@code filter} selects, fetched {@code pageSize} at a time as the iteration
   * proceeds, following the cursor to the last page.
   *
   * <pre>{@code
   * for (Chat chat : v0.chats().listAll(ChatFilter.all(), 100)) { ... }
   * }</pre>
   *
   * @param filter which chats ({@link ChatFilter#all()} for every one)
   * @param pageSize chats per page, 1 to {@value #MAX_LIMIT}
   * @return an iterable that fetches each next page only when the iteration reaches it
   */
  public Paginated<ChatList, Chat> listAll(final ChatFilter filter, final int pageSize) {
    if (filter == null) throw new V0InvalidRequestException("filter", "is null");
    RequestValidator.limit("limit", pageSize, 1, MAX_LIMIT);
    return new Paginated<>(new Paginated.Source<ChatList, Chat>() {
      @Override public ChatList fetch(String cursor) {
        return client.execute(listCall(filter, pageSize, cursor));
      }

      @Override public List<Chat> items(ChatList page) {
        return page.getChats();
      }

      @Override public String nextCursor(ChatList page) {
        return page.getCursor();
      }
    });
  }

  private retrofit2.Call<ChatList> listCall(ChatFilter filter, int limit, String cursor) {
    return api.list(limit, cursor, filter.authorId(), filter.vercelProjectId(), filter.metadataQuery());
  }

  /**
   * Changes a chat's title, privacy or metadata ({@code PATCH /chats/{chatId}}); unset fields stay
   * as they are. Metadata entries are merged, and an entry whose value is null deletes that key.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the chat as updated
   */
  public Chat update(String chatId, UpdateChatRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.metadataChanges("metadata", request.getMetadata());
    return client.execute(api.update(id, request));
  }

  /**
   * Deletes a chat and its messages ({@code DELETE /chats/{chatId}}); needs edit access.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the API's confirmation, naming the deleted chat
   */
  public DeleteChatResponse delete(String chatId) {
    return client.execute(api.delete(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Copies a chat into a new private one ({@code POST /chats/{chatId}/duplicate}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the new chat
   */
  public Chat duplicate(String chatId) {
    return duplicate(chatId, DuplicateChatRequest.builder().build());
  }

  /**
   * Copies a chat into a new one with the privacy and title {@code request} sets.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the new chat
   */
  public Chat duplicate(String chatId, DuplicateChatRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    if (request.getPrivacy() == null) throw new V0InvalidRequestException("privacy", "is required");
    return client.execute(api.duplicate(id, request));
  }

  /**
   * Creates a chat from source files ({@code POST /chats/from-files}): 1 to
   * {@value FileUploads#MAX_FILES} UTF-8 text files, checked before the request.
   * {@link FileUploads} reads them from disk.
   *
   * @param request the request body; checked before anything is sent
   * @return the new chat and the usage of its first generation
   */
  public ChatWithUsage createFromFiles(CreateChatFromFilesRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    FileUploads.check(request.getFiles());
    RequestValidator.metadata("metadata", request.getMetadata());
    return client.execute(api.createFromFiles(request));
  }

  /**
   * Creates a chat from every file under {@code directory}; see {@link FileUploads#fromDirectory}.
   *
   * @param directory the project's root directory; hidden and ignored files are skipped as {@link
   *     FileUploads#fromDirectory} says
   * @return the new chat and the usage of its first generation
   * @throws IOException if a file cannot be read
   */
  public ChatWithUsage createFromDirectory(File directory) throws IOException {
    return createFromFiles(CreateChatFromFilesRequest.builder()
        .files(FileUploads.fromDirectory(directory))
        .build());
  }

  /**
   * Creates a chat from the ZIP archive at a URL ({@code POST /chats/from-zip}).
   *
   * @param request the request body; checked before anything is sent
   * @return the new chat and the usage of its first generation
   */
  public ChatWithUsage createFromZip(CreateChatFromZipRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.required("url", request.getUrl());
    RequestValidator.metadata("metadata", request.getMetadata());
    return client.execute(api.createFromZip(request));
  }

  /**
   * Creates a chat from a GitHub repository ({@code POST /chats/from-repo}): a public one, or a
   * private one connected through Vercel.
   *
   * @param request the request body; checked before anything is sent
   * @return the new chat and the usage of its first generation
   */
  public ChatWithUsage createFromRepo(CreateChatFromRepoRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    if (request.getRepo() == null) throw new V0InvalidRequestException("repo", "is required");
    RequestValidator.required("repo.url", request.getRepo().getUrl());
    String branch = request.getRepo().getBranch();
    if (branch != null && branch.length() > MAX_BRANCH_LENGTH) {
      throw new V0InvalidRequestException("repo.branch", "is " + branch.length()
          + " characters long; at most " + MAX_BRANCH_LENGTH + " are allowed");
    }
    RequestValidator.metadata("metadata", request.getMetadata());
    return client.execute(api.createFromRepo(request));
  }

  private static final int MAX_BRANCH_LENGTH = 250;

  /**
   * Returns the chat's source files ({@code GET /chats/{chatId}/files}); {@link ProjectFile}
   * decodes them, {@link ProjectDirectory} writes them to disk.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the chat's source files
   */
  public ChatFiles files(String chatId) {
    return client.execute(api.getFiles(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Writes the chat's source files under {@code directory}: every path checked first (see
   * {@link ProjectDirectory}), existing files replaced atomically.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param directory the directory to write into; created if absent
   * @return each file written: the server's path, the file on disk and its size
   * @throws V0UnsafePathException if the server sent an unsafe path (nothing is written)
   * @throws IOException if a file cannot be written
   */
  public List<ProjectDirectory.WrittenFile> writeFiles(String chatId, File directory) throws IOException {
    if (directory == null) throw new V0InvalidRequestException("directory", "is null");
    ChatFiles files = files(chatId);
    return ProjectDirectory.at(directory).write(files);
  }

  /**
   * Creates, replaces or deletes files of a chat ({@code PATCH /chats/{chatId}/files}); a
   * {@link FileChange} whose content is null deletes its file. Needs the chat's preview to be
   * running. Returns the messages the change added.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param request the request body; checked before anything is sent
   * @return the chat's messages after the change
   */
  public ChatMessages updateFiles(String chatId, UpdateChatFilesRequest request) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    List<FileChange> changes = request.getFiles();
    if (changes == null || changes.isEmpty()) {
      throw new V0InvalidRequestException("files", "at least one change is required");
    }
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      FileChange change = changes.get(i);
      if (change == null) throw new V0InvalidRequestException("files[" + i + "]", "is null");
      RequestValidator.required("files[" + i + "].path", change.getPath());
      if (!paths.add(change.getPath())) {
        throw new V0InvalidRequestException("files[" + i + "].path", change.getPath()
            + " appears twice; each path at most once");
      }
    }
    return client.execute(api.updateFiles(id, request));
  }

  /**
   * Streams the chat's files as a ZIP archive ({@code GET /chats/{chatId}/files/download}) into
   * {@code out}, which is flushed, not closed. The archive is never held in memory.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param out where the archive goes; flushed, not closed
   * @return the number of bytes written
   * @throws IOException if the download or writing to {@code out} fails
   */
  public long downloadFiles(String chatId, OutputStream out) throws IOException {
    if (out == null) throw new V0InvalidRequestException("out", "is null");
    ResponseBody body = download(chatId);
    try {
      BufferedSink sink = Okio.buffer(Okio.sink(out));
      long written = sink.writeAll(body.source());
      sink.flush();
      return written;
    } finally {
      body.close();
    }
  }

  /**
   * Streams the chat's files as a ZIP archive into {@code file}, replacing it atomically (written
   * beside it, then moved): a failed download leaves any previous file as it was.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param file the archive to write or replace
   * @return the number of bytes written
   * @throws IOException if the download or the writing fails; {@code file} is then
   *     unchanged
   */
  public long downloadFiles(String chatId, File file) throws IOException {
    if (file == null) throw new V0InvalidRequestException("file", "is null");
    ResponseBody body = download(chatId);
    try {
      return AtomicFile.write(file, body.source());
    } finally {
      body.close();
    }
  }

  private ResponseBody download(String chatId) {
    ResponseBody body = client.execute(api.downloadFiles(RequestValidator.pathId("chatId", chatId)));
    if (body == null) throw new V0DecodingException(200, "the download answered no body", null);
    return body;
  }

  /**
   * Returns the chat's preview ({@code GET /chats/{chatId}/preview}), or null while it is starting
   * (the API answers {@code null}); {@link #awaitPreview} waits for it. Its token is a secret.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the preview, or null while it is starting; its token is a secret
   */
  public ChatPreview preview(String chatId) {
    return client.execute(api.getPreview(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Waits until the chat's preview is ready, polling as {@link PollingOptions#defaults()} say.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the ready preview; its token is a secret
   */
  public ChatPreview awaitPreview(String chatId) {
    return pendingPreview(chatId, PollingOptions.defaults()).await();
  }

  /**
   * A handle on the chat's preview while it starts: {@link PendingGeneration#await()} polls
   * {@code GET /chats/{chatId}/preview} until it is not null, with the same backoff,
   * {@code Retry-After}, timeout and cancellation as a generation ({@code messageId()} is null).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle whose {@link PendingGeneration#await()} polls until the preview is ready
   */
  public PendingGeneration<ChatPreview> pendingPreview(String chatId, PollingOptions options) {
    final String id = RequestValidator.pathId("chatId", chatId);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    return new PendingGeneration<>(client, id, null, "the preview of chat " + id,
        new PendingGeneration.Target<ChatPreview>() {
          @Override public retrofit2.Call<ChatPreview> poll() {
            return api.getPreview(id);
          }

          @Override public boolean isDone(ChatPreview polled) {
            return true; // Null (not ready) never reaches here.
          }

          @Override public Object progressOf(ChatPreview polled) {
            return null;
          }

          @Override public retrofit2.Call<?> stop() {
            return null; // A preview cannot be stopped.
          }
        }, options);
  }

  /**
   * Restores the files an assistant message produced ({@code POST
   * /chats/{chatId}/restore-message}); they must not already be the latest. Returns the messages
   * added.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param messageId the message's id, as returned when it was sent
   * @return the chat's messages after the restore
   */
  public ChatMessages restoreMessage(String chatId, String messageId) {
    String id = RequestValidator.pathId("chatId", chatId);
    RequestValidator.required("messageId", messageId);
    return client.execute(api.restoreMessage(id,
        RestoreMessageRequest.builder().messageId(messageId).build()));
  }

  /**
   * Deploys the chat to Vercel ({@code POST /chats/{chatId}/deploy}), creating the Vercel project
   * if there is none. The build runs on Vercel afterwards; follow it with the Vercel API.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @return the deployment's id and the Vercel project's
   */
  public ChatDeployment deploy(String chatId) {
    return client.execute(api.deploy(RequestValidator.pathId("chatId", chatId)));
  }

  /**
   * Creates a Vercel project and links it to the chat ({@code POST /chats/{chatId}/vercel-project}).
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param name the project's name, or null for the chat's title
   * @return the new project's id
   */
  public CreatedVercelProject createVercelProject(String chatId, String name) {
    String id = RequestValidator.pathId("chatId", chatId);
    if (name != null && name.isEmpty()) throw new V0InvalidRequestException("name", "must not be empty");
    return client.execute(api.createVercelProject(id,
        CreateVercelProjectRequest.builder().name(name).build()));
  }

  /**
   * Returns the status of a Vercel Connect setup ({@code GET /chats/{chatId}/connect/status}):
   * pending, ready (with the connector) or error; a status added later is a
   * {@code ConnectStatus.Unknown}. {@code requestId} comes from an {@link AgentRequest.VercelConnect}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param requestId the Vercel Connect request id from the setup task
   * @return the status of a Vercel Connect setup
   */
  public ConnectStatus getConnectStatus(String chatId, String requestId) {
    return client.execute(api.getConnectStatus(RequestValidator.pathId("chatId", chatId),
        connectRequestId(requestId)));
  }

  /**
   * A handle on a Vercel Connect setup the user completes in a browser: {@link
   * PendingGeneration#await()} polls {@link #getConnectStatus} (same backoff, {@code Retry-After},
   * timeout and cancellation as a generation) until the status is no longer {@code pending}, and
   * returns it: ready, error, or a status added later. Then resolve with
   * {@link AgentRequest.VercelConnect#completed()}.
   *
   * @param chatId the chat's id; blank or path-unsafe ids fail before any request
   * @param requestId the Vercel Connect request id from the setup task
   * @param options how often and how long to poll, and whether cancelling also stops the generation
   * @return a handle whose {@link PendingGeneration#await()} polls until the setup is no longer
   *     pending
   */
  public PendingGeneration<ConnectStatus> connectSetup(String chatId, String requestId,
      PollingOptions options) {
    final String chat = RequestValidator.pathId("chatId", chatId);
    final String request = connectRequestId(requestId);
    if (options == null) throw new V0InvalidRequestException("options", "is null");
    return new PendingGeneration<>(client, chat, request,
        "Vercel Connect setup " + request + " of chat " + chat,
        new PendingGeneration.Target<ConnectStatus>() {
      @Override public retrofit2.Call<ConnectStatus> poll() {
        return api.getConnectStatus(chat, request);
      }

      @Override public boolean isDone(ConnectStatus polled) {
        return !(polled instanceof ConnectStatusPending);
      }

      @Override public Object progressOf(ConnectStatus polled) {
        return polled;
      }

      @Override public retrofit2.Call<?> stop() {
        return null; // A setup happens in the user's browser; there is nothing to stop.
      }
    }, options);
  }

  private static String connectRequestId(String requestId) {
    if (requestId == null) throw new V0InvalidRequestException("requestId", "is null");
    if (requestId.trim().isEmpty()) throw new V0InvalidRequestException("requestId", "is blank");
    if (requestId.length() > 128) {
      throw new V0InvalidRequestException("requestId", "is " + requestId.length()
          + " characters long; at most 128 are allowed");
    }
    return requestId;
  }

  private static void checkCreate(CreateChatRequest request) {
    if (request == null) throw new V0InvalidRequestException("request", "is null");
    RequestValidator.message("message", request.getMessage());
    RequestValidator.skills("skills", request.getSkills());
    RequestValidator.metadata("metadata", request.getMetadata());
  }
}
