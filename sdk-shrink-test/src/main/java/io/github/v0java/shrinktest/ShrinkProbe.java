package io.github.v0java.shrinktest;

import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.NotFoundException;
import io.github.v0java.PollingOptions;
import io.github.v0java.V0ApiException;
import io.github.v0java.V0Client;
import io.github.v0java.api.MessagesApi;
import io.github.v0java.model.BashPart;
import io.github.v0java.model.ChatWithUsage;
import io.github.v0java.model.CreateChatRequest;
import io.github.v0java.model.FileEditPart;
import io.github.v0java.model.FileReadPart;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.SearchPart;
import io.github.v0java.model.SendMessageRequest;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.ThinkingPart;
import io.github.v0java.model.ToolCallPart;
import io.github.v0java.rx.RxV0;
import io.github.v0java.v1.model.ChatDetail;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small application using the SDK the way an app does: a synchronous call, a stream with
 * accumulation (plain and Rx), polling, pagination, a typed error, API v1 and a generated
 * Retrofit service. {@code ShrinkAndRunTest} shrinks and obfuscates it with only this class's
 * {@code main} kept, runs it against the fake v0 server and checks what it prints: one
 * {@code key=value} line per result, built from the decoded values (class names would be
 * obfuscated).
 */
public final class ShrinkProbe {
  private ShrinkProbe() {
  }

  /** Runs every call against {@code args[0]} (the v2 base URL) and {@code args[1]} (v1). */
  public static void main(String[] args) throws Exception {
    V0Client v0 = V0Client.builder().apiKey("shrink-test-key")
        .baseUrl(args[0]).v1BaseUrl(args[1]).build();
    try {
      run(v0);
    } finally {
      v0.close();
    }
  }

  private static void run(V0Client v0) throws Exception {
    ChatWithUsage created = v0.chats().create(CreateChatRequest.builder()
        .message("A todo app").build());
    String chatId = created.getChat().getId();
    print("sync.chat", chatId + " " + created.getChat().getPrivacy());

    SendMessageRequest request = SendMessageRequest.builder().message("Add dark mode").build();
    Message sent = v0.messages().send(chatId, request);
    print("sync.message", sent.getId() + " " + sent.getRole() + " " + sent.getFinishReason());

    int states = 0;
    MessageState last;
    try (EventStream<MessageStreamEvent> stream = v0.messages().sendStream(chatId, request)) {
      for (MessageState ignored : stream.states()) states++;
      last = stream.state();
    }
    print("stream.states", String.valueOf(states));
    print("stream.parts", kinds(last.parts()));
    print("stream.finish", last.finishReason() + " " + last.isComplete());
    print("stream.usage", last.usage() == null ? "none"
        : String.valueOf(last.usage().getTokens().getOutput()));
    print("stream.content", last.toMessage().getContent());

    Message rxMessage = RxV0.create(v0).sendStreamMessage(chatId, request).blockingGet();
    print("rx.parts", kinds(rxMessage.getParts()));

    Message polled = v0.messages().sendAsync(chatId, request, PollingOptions.builder()
        .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(5, TimeUnit.MILLISECONDS)
        .build()).await();
    print("poll.message", polled.getId() + " " + polled.getFinishReason());

    int listed = 0;
    for (Message ignored : v0.messages().listAll(chatId, 10)) listed++;
    print("list.count", String.valueOf(listed));

    try {
      v0.chats().get("chat_missing");
      print("error", "none");
    } catch (V0ApiException e) {
      print("error", (e instanceof NotFoundException) + " " + e.statusCode() + " "
          + e.errorMessage());
    }

    Message viaService = v0.execute(v0.service(MessagesApi.class).get(chatId, sent.getId()));
    print("service.message", viaService.getId());

    ChatDetail v1Chat = v0.v1().createChat(io.github.v0java.v1.model.CreateChatRequest.builder()
        .message("A landing page").build());
    print("v1.chat", v1Chat.getId() + " " + v1Chat.getPrivacy());
  }

  /** The kind of each part, from its class (not its label), so a wrongly decoded part shows. */
  private static String kinds(List<MessagePart> parts) {
    StringBuilder kinds = new StringBuilder();
    for (MessagePart part : parts) {
      if (kinds.length() > 0) kinds.append(',');
      if (part instanceof TextPart) {
        kinds.append("text(").append(((TextPart) part).getText().length()).append(')');
      } else if (part instanceof ThinkingPart) {
        kinds.append("thinking");
      } else if (part instanceof FileReadPart) {
        kinds.append("file-read");
      } else if (part instanceof FileEditPart) {
        kinds.append("file-edit");
      } else if (part instanceof SearchPart) {
        kinds.append("search");
      } else if (part instanceof BashPart) {
        kinds.append("bash");
      } else if (part instanceof ToolCallPart) {
        kinds.append("tool-call");
      } else if (part instanceof MessagePart.Unknown) {
        kinds.append("unknown:").append(part.getType());
      } else {
        kinds.append("other:").append(part.getType());
      }
    }
    return kinds.toString();
  }

  private static void print(String key, String value) {
    System.out.println(key + "=" + value);
  }
}
