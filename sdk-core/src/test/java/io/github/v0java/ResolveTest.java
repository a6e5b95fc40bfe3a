package io.github.v0java;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.v0java.model.AgentActionPart;
import io.github.v0java.model.AnsweredQuestionsTask;
import io.github.v0java.model.ConfirmedPermissionsTask;
import io.github.v0java.model.ConfirmedStepsTask;
import io.github.v0java.model.McpPresetName;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessageStreamEvent;
import io.github.v0java.model.ModelId;
import io.github.v0java.model.PermissionGrant;
import io.github.v0java.model.PlanExitResponseTask;
import io.github.v0java.model.PlanExitStatus;
import io.github.v0java.model.QuestionAnswer;
import io.github.v0java.model.ResolveModelConfiguration;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.ResolveTaskRequest;
import io.github.v0java.model.SuggestedPermissionType;
import io.github.v0java.model.TextPart;
import io.github.v0java.model.VercelConnectSetupTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answering the agent: the five task forms, sync, streamed and async, exactly as sent. */
class ResolveTest {
  @RegisterExtension static WireMockExtension server = TestServers.wireMock();

  private final V0Client v0 = TestServers.client(server);
  private final PendingGenerationTest.FakeClock clock = new PendingGenerationTest.FakeClock();

  @AfterEach void close() {
    v0.close();
  }

  private PollingOptions options() {
    return clock.options();
  }

  private static final String ANSWER = AgentParts.message("m2", "stop",
      "{\"type\":\"text\",\"text\":\"Supabase it is: the todos now sync.\"}");

  private static Message questionsMessage() {
    return message(AgentParts.TEXT, AgentParts.QUESTIONS);
  }

  private static Message message(String... parts) {
    return decode(AgentParts.message("m1", "stop", parts));
  }

  private static Message decode(String json) {
    try {
      return V0Json.moshi().adapter(Message.class).fromJson(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Object> input(String script) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("script", script);
    return input;
  }

  /** Each of the five task forms (and one of a kind added later), as built and as sent. */
  private static Map<ResolveTask, String> everyTaskForm() {
    Map<ResolveTask, String> forms = new LinkedHashMap<>();
    AgentRequest.Questions questions = (AgentRequest.Questions) AgentRequest.pendingIn(questionsMessage());
    forms.put(questions.answers().choose("database", "opt_supabase").choose("features", "Dark mode", "opt_due")
            .customText("features", "And a counter").build(),
        "{\"type\":\"answered-questions\",\"answers\":["
            + "{\"questionId\":\"database\",\"questionText\":\"Which database should the todos live in?\","
            + "\"selectedLabels\":[\"Supabase\"]},"
            + "{\"questionId\":\"features\",\"questionText\":\"Which extras do you want?\","
            + "\"selectedLabels\":[\"Dark mode\",\"Due dates\"],\"customText\":\"And a counter\"}]}");
    forms.put(((AgentRequest.PlanApproval) AgentRequest.pendingIn(message(AgentParts.PLAN)))
            .requestChanges("Use Neon instead"),
        "{\"type\":\"plan-exit-response\",\"status\":\"request-changes\",\"content\":\"Use Neon instead\"}");
    forms.put(((AgentRequest.Integrations) AgentRequest.pendingIn(message(AgentParts.INTEGRATIONS))).connectedAll()
            .toBuilder().addedEnvVars(Collections.singletonList("SUPABASE_URL")).build(),
        "{\"type\":\"confirmed-steps\",\"connectedIntegrationNames\":[\"Supabase\"],"
            + "\"connectedMcpPresetNames\":[\"Linear\"],\"addedEnvVars\":[\"SUPABASE_URL\"]}");
    forms.put(((AgentRequest.Permission) AgentRequest.pendingIn(message(AgentParts.PERMISSION))).grant("Go ahead"),
        "{\"type\":\"confirmed-permissions\",\"permissions\":[{\"type\":\"ALLOW_DYNAMIC_TOOL_STRICT\","
            + "\"toolName\":\"run_script\",\"input\":{\"script\":\"scripts/migrate.sql\"},"
            + "\"taskNameActive\":\"Running migration\"}],\"userMessage\":\"Go ahead\"}");
    forms.put(((AgentRequest.VercelConnect) AgentRequest.pendingIn(message(AgentParts.CONNECT))).completed(),
        "{\"type\":\"vercel-connect-setup\"}");
    forms.put(ResolveTasks.fromJson("{\"type\":\"picked-palette\",\"palette\":[\"#000\",\"#fff\"]}"),
        "{\"type\":\"picked-palette\",\"palette\":[\"#000\",\"#fff\"]}");
    return forms;
  }

  @Test void resolveSendsEachTaskFormExactlyAndReturnsTheNextMessage() {
    server.stubFor(post("/v2/chats/c1/messages/resolve").willReturn(okJson(ANSWER)));

    for (Map.Entry<ResolveTask, String> form : everyTaskForm().entrySet()) {
      server.resetRequests();
      Message next = v0.messages().resolve("c1", form.getKey());

      server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve"))
          .withHeader("Authorization", equalTo("Bearer " + TestServers.API_KEY))
          .withRequestBody(equalToJson("{\"task\":" + form.getValue() + "}", false, false)));
      assertThat(next.getId()).isEqualTo("m2");
      assertThat(((TextPart) next.getParts().get(0)).getText()).startsWith("Supabase it is");
      assertThat(AgentRequest.pendingIn(next)).isNull();
    }
  }

  @Test void resolveSendsModelSettingsOnlyWhenSet() {
    server.stubFor(post("/v2/chats/c1/messages/resolve").willReturn(okJson(ANSWER)));

    v0.messages().resolve("c1", ResolveTaskRequest.builder()
        .task(VercelConnectSetupTask.builder().build())
        .modelConfiguration(ResolveModelConfiguration.builder().modelId(ModelId.V0_MAX).build())
        .build());

    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve")).withRequestBody(equalToJson(
        "{\"task\":{\"type\":\"vercel-connect-setup\"},\"modelConfiguration\":{\"modelId\":\"v0-max\"}}")));
  }

  @Test void resolveStreamSendsEachTaskFormAndAccumulatesTheNextMessage() {
    String body = new StreamScript()
        .event(StreamScript.snapshot("m2", "[]", null, ""))
        .event(StreamScript.chunk("m2", "{\"0\":[{\"type\":\"text\",\"text\":\"Supabase\"}],\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m2", "{\"0\":{\"text\":[\"Supabase\",\"Supabase it is.\"]},\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m2", "[{\"type\":\"text\",\"text\":\"Supabase it is.\"}]", "stop",
            "Supabase it is."))
        .body();
    server.stubFor(post("/v2/chats/c1/messages/resolve/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));

    for (Map.Entry<ResolveTask, String> form : everyTaskForm().entrySet()) {
      server.resetRequests();
      List<String> texts = new ArrayList<>();
      try (EventStream<MessageStreamEvent> stream = v0.messages().resolveStream("c1", form.getKey())) {
        for (MessageState state : stream.states()) {
          if (!state.parts().isEmpty()) texts.add(((TextPart) state.parts().get(0)).getText());
        }
        assertThat(stream.state().isComplete()).isTrue();
        assertThat(stream.state().toMessage().getId()).isEqualTo("m2");
      }

      server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/stream"))
          .withRequestBody(equalToJson("{\"task\":" + form.getValue() + "}", false, false)));
      assertThat(texts).containsExactly("Supabase", "Supabase it is.", "Supabase it is.");
    }
  }

  @Test void resolveStreamWithAListenerEndsWithAFollowUpQuestion() throws Exception {
    String finalParts = "[" + AgentParts.TEXT + "," + AgentParts.QUESTIONS + "]";
    String body = new StreamScript()
        .event(StreamScript.snapshot("m2", "[]", null, ""))
        .event(StreamScript.chunk("m2", "{\"0\":[" + AgentParts.TEXT + "],\"_t\":\"a\"}"))
        .event(StreamScript.chunk("m2", "{\"1\":[" + AgentParts.QUESTIONS + "],\"_t\":\"a\"}"))
        .event(StreamScript.snapshot("m2", finalParts, "stop", ""))
        .body();
    server.stubFor(post("/v2/chats/c1/messages/resolve/stream").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withBody(body)));
    List<Boolean> pendingWhileOpen = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<MessageState> done = new AtomicReference<>();
    CountDownLatch latch = new CountDownLatch(1);

    v0.messages().resolveStream("c1", ResolveTaskRequest.builder()
        .task(((AgentRequest.PlanApproval) AgentRequest.pendingIn(message(AgentParts.PLAN))).approve())
        .build(), new StreamListener<MessageStreamEvent>() {
          @Override public void onEvent(MessageStreamEvent event, MessageState state) {
            if (!state.isComplete()) pendingWhileOpen.add(AgentRequest.pendingIn(state) != null);
          }

          @Override public void onComplete(MessageState finalState) {
            done.set(finalState);
            latch.countDown();
          }
        });

    assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    server.verify(postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/stream")).withRequestBody(
        equalToJson("{\"task\":{\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Approved.\"}}")));
    // Nothing is pending while the message is still generating; then the follow-up question is.
    assertThat(pendingWhileOpen).containsOnly(false);
    assertThat(AgentRequest.lastIn(done.get().parts())).isInstanceOf(AgentRequest.Questions.class);
    AgentRequest.Questions followUp = (AgentRequest.Questions) AgentRequest.pendingIn(done.get());
    assertThat(followUp.partIndex()).isEqualTo(1);
    assertThat(followUp.questions()).extracting(q -> q.getId()).containsExactly("database", "features");
  }

  @Test void resolveAsyncSendsEachTaskFormAndPollsTheMessageUntilFinished() {
    server.stubFor(post("/v2/chats/c1/messages/resolve/async")
        .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
            .withBody("{\"messageId\":\"m2\"}")));

    for (Map.Entry<ResolveTask, String> form : everyTaskForm().entrySet()) {
      server.resetAll();
      server.stubFor(post("/v2/chats/c1/messages/resolve/async")
          .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
              .withBody("{\"messageId\":\"m2\"}")));
      server.stubFor(get("/v2/chats/c1/messages/m2").inScenario("polls").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(okJson(AgentParts.message("m2", null, "{\"type\":\"text\",\"text\":\"Supa\"}")))
          .willSetStateTo("done"));
      server.stubFor(get("/v2/chats/c1/messages/m2").inScenario("polls").whenScenarioStateIs("done")
          .willReturn(okJson(ANSWER)));

      PendingGeneration<Message> pending = v0.messages().resolveAsync("c1",
          ResolveTaskRequest.builder().task(form.getKey()).build(), options());
      Message done = pending.await();

      server.verify(1, postRequestedFor(urlEqualTo("/v2/chats/c1/messages/resolve/async"))
          .withRequestBody(equalToJson("{\"task\":" + form.getValue() + "}", false, false)));
      server.verify(2, getRequestedFor(urlEqualTo("/v2/chats/c1/messages/m2")));
      assertThat(pending.messageId()).isEqualTo("m2");
      assertThat(done.getFinishReason()).isNotNull();
      assertThat(((TextPart) done.getParts().get(0)).getText()).startsWith("Supabase it is");
    }
  }

  @Test void conflictWhileNothingWaitsIsTheTypedException() {
    server.stubFor(post("/v2/chats/c1/messages/resolve").willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"The chat is not waiting for a task\"}")));

    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> v0.messages().resolve("c1", VercelConnectSetupTask.builder().build()));

    assertThat(e.errorMessage()).isEqualTo("The chat is not waiting for a task");
  }

  // ------------------------------------------------------------------ pending requests

  @Test void eachKindOfRequestIsReadFromAFinishedMessage() {
    AgentRequest.Questions questions = (AgentRequest.Questions) AgentRequest.pendingIn(questionsMessage());
    assertThat(questions.name()).isEqualTo("ask_user_questions");
    assertThat(questions.partIndex()).isEqualTo(1);
    assertThat(questions.questions().get(0).getOptions()).extracting(o -> o.getLabel())
        .containsExactly("Supabase", "Neon", "localStorage");
    assertThat(questions.questions().get(1).getMultiSelect()).isTrue();

    AgentRequest.PlanApproval plan = (AgentRequest.PlanApproval) AgentRequest.pendingIn(message(AgentParts.PLAN));
    assertThat(plan.plan()).startsWith("1. Add a `todos` table");
    assertThat(plan.path()).isEqualTo("PLAN.md");

    AgentRequest.Integrations integrations =
        (AgentRequest.Integrations) AgentRequest.pendingIn(message(AgentParts.INTEGRATIONS));
    assertThat(integrations.integrations()).containsExactly("Supabase");
    assertThat(integrations.mcpPresets()).containsExactly("Linear");

    AgentRequest.VercelConnect connect = (AgentRequest.VercelConnect) AgentRequest.pendingIn(message(AgentParts.CONNECT));
    assertThat(connect.setupUrl()).isEqualTo("https://vercel.com/connect/setup/vcr_81Kd2");
    assertThat(connect.requestId()).isEqualTo("vcr_81Kd2");
    assertThat(connect.service()).isEqualTo("github");
    assertThat(connect.connectorName()).isEqualTo("GitHub");

    AgentRequest.Permission permission = (AgentRequest.Permission) AgentRequest.pendingIn(message(AgentParts.PERMISSION));
    assertThat(permission.name()).isEqualTo("run_script");
    assertThat(permission.input()).isEqualTo(input("scripts/migrate.sql"));
    assertThat(permission.suggestedPermissions().get(0).getTaskNameActive()).isEqualTo("Running migration");
  }

  @Test void anActionOfAKindAddedLaterIsKeptWithItsRawData() {
    AgentRequest request = AgentRequest.pendingIn(message(AgentParts.TEXT, AgentParts.FUTURE_ACTION));

    assertThat(request).isInstanceOf(AgentRequest.Unknown.class);
    AgentRequest.Unknown unknown = (AgentRequest.Unknown) request;
    assertThat(unknown.name()).isEqualTo("pick_color_palette");
    assertThat(unknown.summary()).isEqualTo("Pick colours");
    assertThat(((Map<?, ?>) unknown.data()).get("allowCustom")).isEqualTo(true);
    assertThat(((Map<?, ?>) unknown.data()).get("palettes")).isEqualTo(Arrays.asList(Arrays.asList("#000", "#fff")));
  }

  @Test void aKnownActionWithDataOfAnotherShapeIsUnknownRatherThanACrash() {
    String odd = "{\"type\":\"agent-action\",\"name\":\"ask_user_questions\",\"summary\":\"?\","
        + "\"data\":{\"questions\":\"which one?\"}}";

    AgentRequest request = AgentRequest.pendingIn(message(odd));

    assertThat(request).isInstanceOf(AgentRequest.Unknown.class);
    assertThat(((AgentRequest.Unknown) request).data()).isEqualTo(Collections.singletonMap("questions", "which one?"));
  }

  @Test void theLastRequestWinsAndOtherPartsAskNothing() {
    assertThat(AgentRequest.pendingIn(message(AgentParts.PLAN, AgentParts.TEXT, AgentParts.QUESTIONS, AgentParts.TODOS)))
        .isInstanceOf(AgentRequest.Questions.class);
    assertThat(AgentRequest.pendingIn(message(AgentParts.TEXT, AgentParts.TODOS))).isNull();
    // A finished Connect action and a tool call without suggested permissions ask nothing.
    assertThat(AgentRequest.pendingIn(message(AgentParts.CONNECT_COMPLETED))).isNull();
    assertThat(AgentRequest.pendingIn(message("{\"type\":\"tool-call\",\"name\":\"x\",\"status\":\"ok\",\"input\":{}}")))
        .isNull();
    // Nor does one that ran already (its output is there), suggestions or not.
    assertThat(AgentRequest.pendingIn(message(AgentParts.PERMISSION.replace("\"status\":\"ok\",",
        "\"status\":\"ok\",\"output\":{\"rows\":3},")))).isNull();
  }

  @Test void aMessageStillGeneratingHasNoPendingRequest() {
    Message generating = decode(AgentParts.message("m1", null, AgentParts.QUESTIONS));

    assertThat(AgentRequest.pendingIn(generating)).isNull();
    assertThat(AgentRequest.lastIn(generating.getParts())).isInstanceOf(AgentRequest.Questions.class);
  }

  @Test void requestsAreReadFromAnAccumulatedStreamState() {
    String[] kinds = {AgentParts.QUESTIONS, AgentParts.PLAN, AgentParts.INTEGRATIONS, AgentParts.CONNECT,
        AgentParts.PERMISSION, AgentParts.FUTURE_ACTION};
    Class<?>[] expected = {AgentRequest.Questions.class, AgentRequest.PlanApproval.class,
        AgentRequest.Integrations.class, AgentRequest.VercelConnect.class, AgentRequest.Permission.class,
        AgentRequest.Unknown.class};
    for (int i = 0; i < kinds.length; i++) {
      String body = new StreamScript()
          .event(StreamScript.snapshot("m1", "[]", null, ""))
          .event(StreamScript.chunk("m1", "{\"0\":[" + AgentParts.TEXT + "],\"_t\":\"a\"}"))
          .event(StreamScript.chunk("m1", "{\"1\":[" + kinds[i] + "],\"_t\":\"a\"}"))
          .event("{\"object\":\"message\"," + AgentParts.message("m1", "stop", AgentParts.TEXT, kinds[i]).substring(1))
          .body();
      EventStream<MessageStreamEvent> stream = v0.replay(new okio.Buffer().writeUtf8(body), MessageStreamEvent.class);

      MessageState state = stream.awaitCompletion();

      AgentRequest request = AgentRequest.pendingIn(state);
      assertThat(request).isInstanceOf(expected[i]);
      assertThat(request.partIndex()).isEqualTo(1);
      assertThat(request.part()).isSameAs(state.parts().get(1));
    }
  }

  // ------------------------------------------------------------------ builders and validation

  @Test void answersAreCheckedAgainstTheQuestions() {
    AgentRequest.Questions questions = (AgentRequest.Questions) AgentRequest.pendingIn(questionsMessage());

    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> questions.answers().choose("database", "Supabase", "Neon")).field())
        .isEqualTo("task.answers[database]");
    V0InvalidRequestException noOption = catchThrowableOfType(V0InvalidRequestException.class,
        () -> questions.answers().choose("database", "MySQL"));
    assertThat(noOption).hasMessageContaining("MySQL").hasMessageContaining("Supabase, Neon, localStorage");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> questions.answers().choose("colour", "Blue")).field()).isEqualTo("task.answers[colour]");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> questions.answers().build()).field()).isEqualTo("task.answers");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> questions.answers().customText("database", "")).field()).isEqualTo("task.answers[database]");

    AnsweredQuestionsTask textOnly = questions.answers().customText("database", "SQLite, please").build();
    assertThat(textOnly.getAnswers()).hasSize(1);
    assertThat(textOnly.getAnswers().get(0).getSelectedLabels()).isEmpty();
    assertThat(textOnly.getAnswers().get(0).getCustomText()).isEqualTo("SQLite, please");
  }

  @Test void invalidTasksAreRefusedBeforeAnyRequest() {
    Map<String, ResolveTask> invalid = new LinkedHashMap<>();
    invalid.put("task.answers", AnsweredQuestionsTask.builder().answers(Collections.<QuestionAnswer>emptyList()).build());
    invalid.put("task.answers[0].questionText", AnsweredQuestionsTask.builder().answers(Collections.singletonList(
        QuestionAnswer.builder().questionId("q1").questionText("").selectedLabels(Collections.singletonList("A"))
            .build())).build());
    invalid.put("task.answers[0].selectedLabels[0]", AnsweredQuestionsTask.builder().answers(Collections.singletonList(
        QuestionAnswer.builder().questionId("q1").questionText("Q?").selectedLabels(Collections.singletonList(""))
            .build())).build());
    invalid.put("task.content", PlanExitResponseTask.builder().status(PlanExitStatus.REJECTED).content("").build());
    invalid.put("task.type", PlanExitResponseTask.builder().type("answered-questions")
        .status(PlanExitStatus.APPROVED).content("ok").build());
    invalid.put("task.connectedIntegrationNames[0]", ConfirmedStepsTask.builder()
        .connectedIntegrationNames(Collections.singletonList(new String(new char[65]).replace('\0', 'x'))).build());
    invalid.put("task.appliedScripts[0]", ConfirmedStepsTask.builder()
        .appliedScripts(Collections.singletonList("")).build());
    invalid.put("task.permissions", ConfirmedPermissionsTask.builder()
        .permissions(Collections.<PermissionGrant>emptyList()).build());
    invalid.put("task.permissions[0].input", ConfirmedPermissionsTask.builder().permissions(Collections.singletonList(
        PermissionGrant.builder().type(SuggestedPermissionType.ALLOW_DYNAMIC_TOOL_STRICT).toolName("run_script")
            .build())).build());
    invalid.put("task.userMessage", ConfirmedPermissionsTask.builder().permissions(Collections.singletonList(
        PermissionGrant.builder().type(SuggestedPermissionType.ALLOW_DYNAMIC_TOOL_STRICT).toolName("run_script")
            .input(input("x")).build())).userMessage("").build());

    for (Map.Entry<String, ResolveTask> entry : invalid.entrySet()) {
      for (Runnable call : Arrays.<Runnable>asList(
          () -> v0.messages().resolve("c1", entry.getValue()),
          () -> v0.messages().resolveStream("c1", entry.getValue()),
          () -> v0.messages().resolveAsync("c1", entry.getValue()))) {
        V0InvalidRequestException e = catchThrowableOfType(V0InvalidRequestException.class, call::run);
        assertThat(e).as(entry.getKey()).isNotNull();
        assertThat(e.field()).isEqualTo(entry.getKey());
      }
    }
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.messages().resolve("c1", (ResolveTask) null)).field()).isEqualTo("task");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> v0.messages().resolve("../c1", VercelConnectSetupTask.builder().build())).field()).isEqualTo("chatId");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test void tasksDecodeFromJsonTextAndEncodeBack() {
    ResolveTask plan = ResolveTasks.fromJson(
        "{\"type\":\"plan-exit-response\",\"status\":\"approved\",\"content\":\"Ship it\"}");
    assertThat(plan).isEqualTo(PlanExitResponseTask.builder().status(PlanExitStatus.APPROVED).content("Ship it").build());

    ResolveTask steps = ResolveTasks.fromJson("{\"type\":\"confirmed-steps\",\"connectedMcpPresetNames\":[\"Linear\","
        + "\"Jira\"]}");
    List<McpPresetName> presets = ((ConfirmedStepsTask) steps).getConnectedMcpPresetNames();
    assertThat(presets.get(0)).isSameAs(McpPresetName.LINEAR);
    assertThat(presets.get(1).isKnown()).isFalse();
    assertThat(ResolveTasks.toJson(steps))
        .isEqualTo("{\"type\":\"confirmed-steps\",\"connectedMcpPresetNames\":[\"Linear\",\"Jira\"]}");

    ResolveTask future = ResolveTasks.fromJson("{\"type\":\"picked-palette\",\"palette\":\"dark\"}");
    assertThat(future).isInstanceOf(ResolveTask.Unknown.class);
    assertThat(ResolveTasks.toJson(future)).isEqualTo("{\"type\":\"picked-palette\",\"palette\":\"dark\"}");

    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> ResolveTasks.fromJson("{\"type\":")).field()).isEqualTo("task");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> ResolveTasks.fromJson("[1]")).field()).isEqualTo("task");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class,
        () -> ResolveTasks.fromJson("{\"type\":\"plan-exit-response\",\"status\":\"approved\"}")).field())
        .isEqualTo("task.content");
  }

  @Test void permissionsArePassedBackUnchangedWithTheCallsInputWhenTheSuggestionHasNone() {
    String noInput = "{\"type\":\"tool-call\",\"name\":\"run_script\",\"status\":\"ok\",\"input\":{\"script\":\"seed.ts\"},"
        + "\"suggestedPermissions\":[{\"type\":\"ALLOW_DYNAMIC_TOOL_STRICT\",\"toolName\":\"run_script\"}]}";

    ConfirmedPermissionsTask task = ((AgentRequest.Permission) AgentRequest.pendingIn(message(noInput))).grant();

    assertThat(ResolveTasks.toJson(task)).isEqualTo("{\"type\":\"confirmed-permissions\",\"permissions\":["
        + "{\"type\":\"ALLOW_DYNAMIC_TOOL_STRICT\",\"toolName\":\"run_script\",\"input\":{\"script\":\"seed.ts\"}}]}");
  }

  @Test void planAndIntegrationShortcutsBuildTheirTasks() {
    AgentRequest.PlanApproval plan = (AgentRequest.PlanApproval) AgentRequest.pendingIn(message(AgentParts.PLAN));
    assertThat(plan.reject("Too big").getStatus()).isSameAs(PlanExitStatus.REJECTED);
    assertThat(plan.approve("Start with the table").getContent()).isEqualTo("Start with the table");
    assertThat(catchThrowableOfType(V0InvalidRequestException.class, () -> plan.reject("")).field())
        .isEqualTo("task.content");

    AgentRequest.Integrations integrations =
        (AgentRequest.Integrations) AgentRequest.pendingIn(message(AgentParts.INTEGRATIONS));
    assertThat(ResolveTasks.toJson(integrations.skip()))
        .isEqualTo("{\"type\":\"confirmed-steps\",\"connectedIntegrationNames\":[],\"connectedMcpPresetNames\":[]}");
  }
}
