package io.github.v0java.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.v0java.AgentRequest;
import io.github.v0java.EventStream;
import io.github.v0java.MessageState;
import io.github.v0java.PendingGeneration;
import io.github.v0java.PollingOptions;
import io.github.v0java.ResolveTasks;
import io.github.v0java.V0Client;
import io.github.v0java.model.ConnectStatus;
import io.github.v0java.model.ConnectStatusReady;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.SendMessageRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole round trip against the fake: a generation ends asking, the SDK reads the request,
 * builds its answer and resolves it in each delivery mode; every task it sends is checked
 * against the upstream request schema.
 */
class AnsweringTheAgentTest {
  private static final SendMessageRequest HI = SendMessageRequest.builder().message("Build a todo app").build();
  private static final PollingOptions FAST = PollingOptions.builder()
      .initialInterval(1, TimeUnit.MILLISECONDS).maxInterval(5, TimeUnit.MILLISECONDS).build();

  private final FakeV0Server fake = FakeV0Server.start();
  private final V0Client v0 = V0Client.builder().apiKey("test-key")
      .baseUrl(fake.baseUrl()).v1BaseUrl(fake.v1BaseUrl())
      .streamRecovery(FAST).build();

  @AfterEach void close() {
    v0.close();
    fake.close();
  }

  private static ResolveTask answerQuestions(AgentRequest request) {
    return ((AgentRequest.Questions) request).answers()
        .choose("database", "Supabase")
        .choose("features", "opt_dark", "Due dates")
        .customText("features", "And a counter of open todos")
        .build();
  }

  @Test void questionsAreAnsweredSyncStreamedAndAsync() {
    fake.generationsEndWith(AgentActions.questions());

    // Sync: the message ends asking; the answer resumes the generation.
    Message asked = v0.messages().send(FakeV0Server.CHAT_ID, HI);
    Message answered = v0.messages().resolve(FakeV0Server.CHAT_ID, answerQuestions(AgentRequest.pendingIn(asked)));
    assertThat(answered.getId()).isEqualTo(FakeV0Server.RESOLVED_MESSAGE_ID);
    assertThat(AgentRequest.pendingIn(answered)).isNull();

    // Streamed: the accumulated state ends asking.
    MessageState streamed = v0.messages().sendStream(FakeV0Server.CHAT_ID, HI).awaitCompletion();
    AgentRequest request = AgentRequest.pendingIn(streamed);
    assertThat(request).isInstanceOf(AgentRequest.Questions.class);
    MessageState resumed;
    try (EventStream<MessageStreamEvent> stream =
             v0.messages().resolveStream(FakeV0Server.CHAT_ID, answerQuestions(request))) {
      resumed = stream.awaitCompletion();
    }
    assertThat(resumed.messageId()).isEqualTo(FakeV0Server.RESOLVED_MESSAGE_ID);
    assertThat(AgentRequest.pendingIn(resumed)).isNull();

    // Async: the polled message ends asking.
    fake.asyncFinishesAfterPolls(2);
    Message polled = v0.messages().sendAsync(FakeV0Server.CHAT_ID, HI, FAST).await();
    PendingGeneration<Message> pending = v0.messages().resolveAsync(FakeV0Server.CHAT_ID,
        ResolveTaskRequest.builder().task(answerQuestions(AgentRequest.pendingIn(polled))).build(), FAST);
    assertThat(AgentRequest.pendingIn(pending.await())).isNull();

    for (Operation op : new Operation[] {Operation.RESOLVE_TASK, Operation.RESOLVE_TASK_STREAM,
        Operation.RESOLVE_TASK_ASYNC}) {
      String body = fake.lastRequest(op).getBodyAsString();
      Schemas.assertValid("v2/ResolveTaskRequest", body);
      assertThat(Http.object(body)).isEqualTo(Http.object("{\"task\":{\"type\":\"answered-questions\",\"answers\":["
          + "{\"questionId\":\"database\",\"questionText\":\"Which database should the todos live in?\","
          + "\"selectedLabels\":[\"Supabase\"]},{\"questionId\":\"features\",\"questionText\":"
          + "\"Which extras do you want?\",\"selectedLabels\":[\"Dark mode\",\"Due dates\"],"
          + "\"customText\":\"And a counter of open todos\"}]}}"));
    }
  }

  @Test void everyKindOfRequestBuildsATaskTheUpstreamSchemaAccepts() {
    Map<String, java.util.function.Function<AgentRequest, ResolveTask>> kinds = new LinkedHashMap<>();
    kinds.put(AgentActions.questions(), AnsweringTheAgentTest::answerQuestions);
    kinds.put(AgentActions.plan(), r -> ((AgentRequest.PlanApproval) r).requestChanges("Use Neon instead"));
    kinds.put(AgentActions.integrations(), r -> ((AgentRequest.Integrations) r).connectedAll());
    kinds.put(AgentActions.vercelConnect(), r -> ((AgentRequest.VercelConnect) r).completed());
    kinds.put(AgentActions.permission(), r -> ((AgentRequest.Permission) r).grant("Run it once"));

    for (Map.Entry<String, java.util.function.Function<AgentRequest, ResolveTask>> kind : kinds.entrySet()) {
      fake.generationsEndWith(kind.getKey());
      AgentRequest request = AgentRequest.pendingIn(v0.messages().send(FakeV0Server.CHAT_ID, HI));
      ResolveTask task = kind.getValue().apply(request);

      v0.messages().resolve(FakeV0Server.CHAT_ID, task);

      String body = fake.lastRequest(Operation.RESOLVE_TASK).getBodyAsString();
      Schemas.assertValid("v2/ResolveTaskRequest", body);
      assertThat(Http.object(body).get("task")).isEqualTo(Http.object(ResolveTasks.toJson(task)));
    }
  }

  @Test void aResolveStreamThatBreaksIsRecoveredByPolling() {
    fake.onResolveTaskStream(StreamScript.create()
        .event(StreamEvents.openingSnapshot(FakeV0Server.CHAT_ID, FakeV0Server.RESOLVED_MESSAGE_ID))
        .event(StreamEvents.insertTextPart(FakeV0Server.RESOLVED_MESSAGE_ID, 0, "Supabase"))
        .cutConnection()
        .delayBetweenEvents(Duration.ofMillis(10)));

    EventStream<MessageStreamEvent> stream = v0.messages().resolveStream(FakeV0Server.CHAT_ID,
        ResolveTasks.fromJson("{\"type\":\"vercel-connect-setup\"}"));
    MessageState state = stream.awaitCompletion();

    assertThat(stream.recovered()).isTrue();
    assertThat(state.isComplete()).isTrue();
    assertThat(state.messageId()).isEqualTo(FakeV0Server.RESOLVED_MESSAGE_ID);
    assertThat(fake.requests(Operation.RESOLVE_TASK_STREAM)).hasSize(1);
    assertThat(fake.requests(Operation.GET_MESSAGE)).isNotEmpty();
  }

  @Test void vercelConnectIsWaitedForThenResolved() {
    fake.generationsEndWith(AgentActions.vercelConnect()).connectReadyAfterPolls(3);
    AgentRequest.VercelConnect connect = (AgentRequest.VercelConnect)
        AgentRequest.pendingIn(v0.messages().send(FakeV0Server.CHAT_ID, HI));
    assertThat(connect.setupUrl()).isEqualTo("https://vercel.com/connect/setup/" + AgentActions.CONNECT_REQUEST_ID);

    ConnectStatus status = v0.chats().connectSetup(FakeV0Server.CHAT_ID, connect.requestId(), FAST).await();
    Message resumed = v0.messages().resolve(FakeV0Server.CHAT_ID, connect.completed());

    assertThat(status).isInstanceOf(ConnectStatusReady.class);
    assertThat(fake.requests(Operation.GET_CONNECT_STATUS)).hasSize(3);
    assertThat(fake.lastRequest(Operation.GET_CONNECT_STATUS).queryParameter("requestId").firstValue())
        .isEqualTo(AgentActions.CONNECT_REQUEST_ID);
    assertThat(resumed.getFinishReason()).isNotNull();
  }
}
