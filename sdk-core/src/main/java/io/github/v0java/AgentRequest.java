package io.github.v0java;

import com.squareup.moshi.JsonDataException;
import io.github.v0java.model.AgentActionPart;
import io.github.v0java.model.AskUserQuestionsData;
import io.github.v0java.model.ConfirmedPermissionsTask;
import io.github.v0java.model.ConfirmedStepsTask;
import io.github.v0java.model.ExitPlanModeData;
import io.github.v0java.model.IntegrationRequestData;
import io.github.v0java.model.McpPresetName;
import io.github.v0java.model.Message;
import io.github.v0java.model.MessagePart;
import io.github.v0java.model.PermissionGrant;
import io.github.v0java.model.PlanExitResponseTask;
import io.github.v0java.model.PlanExitStatus;
import io.github.v0java.model.SuggestedPermission;
import io.github.v0java.model.ToolCallPart;
import io.github.v0java.model.UserQuestion;
import io.github.v0java.model.VercelConnectData;
import io.github.v0java.model.VercelConnectSetupRequired;
import io.github.v0java.model.VercelConnectSetupTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Something the agent waits for the user to answer before it goes on: questions with options
 * ({@link Questions}), a plan to approve ({@link PlanApproval}), integrations to connect
 * ({@link Integrations}), a Vercel Connect setup in a browser ({@link VercelConnect}), or
 * permission to run a tool ({@link Permission}). A request of a kind this SDK does not know yet
 * is an {@link Unknown} with its raw data. Each known kind builds the task that answers it; send
 * that task with {@code v0.messages().resolve(...)}, {@code resolveStream} or {@code resolveAsync}.
 *
 * <pre>{@code
 * AgentRequest request = AgentRequest.pendingIn(message);
 * if (request instanceof AgentRequest.Questions) {
 *   AgentRequest.Questions questions = (AgentRequest.Questions) request;
 *   ResolveTask task = questions.answers().choose("database", "Supabase").build();
 *   Message next = v0.messages().resolve(chatId, task);
 * }
 * }</pre>
 *
 * <p><b>Pending</b> means: the last part of a <em>finished</em> message that asks the user
 * something, that is an {@code agent-action} part carrying {@code data} (actions that wait for the
 * user are the only ones with data) other than a completed Vercel Connect action, or a
 * {@code tool-call} part with {@code suggestedPermissions} that has not run yet (no {@code output}).
 * A request is answered by resolving it,
 * which starts a new assistant message: the request of the latest message of a chat is the one
 * still open, and one of an older message was answered already.
 */
public abstract class AgentRequest {
  /** The {@code agent-action} name of questions for the user. */
  public static final String ASK_USER_QUESTIONS = "ask_user_questions";
  /** The {@code agent-action} name of a plan waiting for approval. */
  public static final String EXIT_PLAN_MODE = "exit_plan_mode";
  /** The {@code agent-action} name of integrations to connect. */
  public static final String GET_OR_REQUEST_INTEGRATION = "get_or_request_integration";
  /** The {@code agent-action} name of a Vercel Connect setup. */
  public static final String CONFIGURE_VERCEL_CONNECT = "configure_vercel_connect";

  private final MessagePart part;
  private final int partIndex;

  AgentRequest(MessagePart part, int partIndex) {
    this.part = part;
    this.partIndex = partIndex;
  }

  /**
   * The request a finished message ends waiting for, or null when the message is still being
   * generated or asks nothing.
   *
   * @param message the message, as returned by a send or a poll
   * @return the request to answer (switch on its subclass), or null
   */
  public static AgentRequest pendingIn(Message message) {
    if (message == null || message.getFinishReason() == null || message.getParts() == null) return null;
    return lastIn(message.getParts());
  }

  /**
   * The request an accumulated stream or poll state ends waiting for, or null while the message
   * is still being generated or when it asks nothing.
   *
   * @param state the state, as a stream or a poll delivers it
   * @return the request to answer (switch on its subclass), or null
   */
  public static AgentRequest pendingIn(MessageState state) {
    if (state == null || !state.isComplete()) return null;
    return lastIn(state.parts());
  }

  /**
   * The last part of {@code parts} that asks the user something, finished or not (a UI may show a
   * question while the stream is still open), or null.
   *
   * @param parts a message's parts, possibly still streaming
   * @return the request to answer, or null
   */
  public static AgentRequest lastIn(List<MessagePart> parts) {
    if (parts == null) return null;
    for (int i = parts.size() - 1; i >= 0; i--) {
      AgentRequest request = of(parts.get(i), i);
      if (request != null) return request;
    }
    return null;
  }

  /**
   * The request {@code part} (at {@code index} of its message) makes, or null if it asks nothing.
   *
   * @param part any part of a message
   * @param index the part's position among its message's parts
   * @return the request to answer, or null
   */
  public static AgentRequest of(MessagePart part, int index) {
    if (part instanceof ToolCallPart) {
      ToolCallPart call = (ToolCallPart) part;
      List<SuggestedPermission> suggested = call.getSuggestedPermissions();
      // The API drops the suggestions once the tool ran; a call with output is never waiting.
      if (suggested == null || suggested.isEmpty() || call.getOutput() != null) return null;
      return new Permission(call, index);
    }
    if (!(part instanceof AgentActionPart)) return null;
    AgentActionPart action = (AgentActionPart) part;
    Object data = action.getData();
    if (data == null) return null;
    try {
      String name = action.getName() == null ? "" : action.getName();
      switch (name) {
        case ASK_USER_QUESTIONS:
          return new Questions(action, index, decode(data, AskUserQuestionsData.class));
        case EXIT_PLAN_MODE:
          return new PlanApproval(action, index, decode(data, ExitPlanModeData.class));
        case GET_OR_REQUEST_INTEGRATION:
          return new Integrations(action, index, decode(data, IntegrationRequestData.class));
        case CONFIGURE_VERCEL_CONNECT:
          VercelConnectData connect = decode(data, VercelConnectData.class);
          if (connect instanceof VercelConnectSetupRequired) {
            return new VercelConnect(action, index, (VercelConnectSetupRequired) connect);
          }
          if (connect instanceof VercelConnectData.Unknown) return new Unknown(action, index);
          return null; // Completed: nothing left to do.
        default:
          return new Unknown(action, index);
      }
    } catch (JsonDataException | IllegalArgumentException e) {
      // Data of a known action in a shape this SDK does not expect: kept raw, never a crash.
      return new Unknown(action, index);
    }
  }

  private static <T> T decode(Object data, Class<T> type) {
    T value = V0Json.moshi().adapter(type).fromJsonValue(data);
    if (value == null) throw new JsonDataException("null " + type.getSimpleName());
    return value;
  }

  /**
   * The part that asks: an {@code AgentActionPart}, or a {@code ToolCallPart} for permissions.
   *
   * @return the part that asks
   */
  public MessagePart part() {
    return part;
  }

  /**
   * The position of {@link #part()} among its message's parts.
   *
   * @return the position of {@link #part()} among its message's parts
   */
  public int partIndex() {
    return partIndex;
  }

  /**
   * The agent action's name ({@code ask_user_questions}, ...), or the tool's name for permissions.
   *
   * @return the name, for logs and for {@link Unknown} requests
   */
  public abstract String name();

  /** Questions with options for the user to choose from ({@code ask_user_questions}). */
  public static final class Questions extends AgentRequest {
    private final AgentActionPart action;
    private final AskUserQuestionsData data;

    Questions(AgentActionPart action, int index, AskUserQuestionsData data) {
      super(action, index);
      this.action = action;
      this.data = data;
    }

    @Override public String name() {
      return action.getName();
    }

    /**
     * The questions, in the order asked.
     *
     * @return the questions, in the order asked
     */
    public List<UserQuestion> questions() {
      return data.getQuestions() == null ? Collections.<UserQuestion>emptyList() : data.getQuestions();
    }

    /**
     * The action's data as sent.
     *
     * @return the action's data as sent
     */
    public AskUserQuestionsData data() {
      return data;
    }

    /**
     * A builder of the answers, checked against these questions and their options.
     *
     * @return a builder of the answers, checked against these questions and their options
     */
    public QuestionAnswers answers() {
      return new QuestionAnswers(questions());
    }

    @Override public String toString() {
      return "AgentRequest.Questions{" + questions().size() + " questions}";
    }
  }

  /** A plan the agent waits for approval of before it implements it ({@code exit_plan_mode}). */
  public static final class PlanApproval extends AgentRequest {
    private final AgentActionPart action;
    private final ExitPlanModeData data;

    PlanApproval(AgentActionPart action, int index, ExitPlanModeData data) {
      super(action, index);
      this.action = action;
      this.data = data;
    }

    @Override public String name() {
      return action.getName();
    }

    /**
     * The plan, in Markdown.
     *
     * @return the plan, in Markdown
     */
    public String plan() {
      return data.getPlan();
    }

    /**
     * The plan file's path in the project.
     *
     * @return the plan file's path in the project
     */
    public String path() {
      return data.getPath();
    }

    /**
     * The action's data as sent.
     *
     * @return the action's data as sent
     */
    public ExitPlanModeData data() {
      return data;
    }

    /**
     * Approves the plan.
     *
     * @return the task to pass to {@code messages().resolve}
     */
    public PlanExitResponseTask approve() {
      return approve("Approved.");
    }

    /**
     * Approves the plan with instructions for the agent.
     *
     * @param instructions what the agent should keep in mind while carrying the plan out
     * @return the task to pass to {@code messages().resolve}
     */
    public PlanExitResponseTask approve(String instructions) {
      return respond(PlanExitStatus.APPROVED, instructions);
    }

    /**
     * Rejects the plan, saying why.
     *
     * @param reason why, in the user's words
     * @return the task to pass to {@code messages().resolve}
     */
    public PlanExitResponseTask reject(String reason) {
      return respond(PlanExitStatus.REJECTED, reason);
    }

    /**
     * Asks for a different plan, saying what to change.
     *
     * @param changes what to change, in the user's words
     * @return the task to pass to {@code messages().resolve}
     */
    public PlanExitResponseTask requestChanges(String changes) {
      return respond(PlanExitStatus.REQUEST_CHANGES, changes);
    }

    private static PlanExitResponseTask respond(PlanExitStatus status, String content) {
      PlanExitResponseTask task = PlanExitResponseTask.builder().status(status).content(content).build();
      ResolveTasks.check(task);
      return task;
    }

    @Override public String toString() {
      return "AgentRequest.PlanApproval{path=" + data.getPath() + "}";
    }
  }

  /** Integrations and MCP presets the agent asks the user to connect ({@code get_or_request_integration}). */
  public static final class Integrations extends AgentRequest {
    private final AgentActionPart action;
    private final IntegrationRequestData data;

    Integrations(AgentActionPart action, int index, IntegrationRequestData data) {
      super(action, index);
      this.action = action;
      this.data = data;
    }

    @Override public String name() {
      return action.getName();
    }

    /**
     * The integrations asked for (such as Neon or Supabase).
     *
     * @return the integrations asked for
     */
    public List<String> integrations() {
      return orEmpty(data.getRequestedIntegrations());
    }

    /**
     * The MCP presets asked for (such as Linear or Sentry).
     *
     * @return the MCP presets asked for (such as Linear or Sentry)
     */
    public List<String> mcpPresets() {
      return orEmpty(data.getRequestedMcpPresets());
    }

    /**
     * The action's data as sent.
     *
     * @return the action's data as sent
     */
    public IntegrationRequestData data() {
      return data;
    }

    /**
     * Says every integration and MCP preset asked for is now connected (connect them on Vercel
     * first). For anything else (some connected, scripts applied, environment variables added)
     * build a {@link ConfirmedStepsTask} yourself.
     *
     * @return the task to pass to {@code messages().resolve}
     */
    public ConfirmedStepsTask connectedAll() {
      List<McpPresetName> presets = new ArrayList<>();
      for (String preset : mcpPresets()) presets.add(McpPresetName.of(preset));
      ConfirmedStepsTask task = ConfirmedStepsTask.builder()
          .connectedIntegrationNames(integrations())
          .connectedMcpPresetNames(presets)
          .build();
      ResolveTasks.check(task);
      return task;
    }

    /**
     * Goes on without connecting anything.
     *
     * @return the task to pass to {@code messages().resolve}
     */
    public ConfirmedStepsTask skip() {
      List<String> none = Collections.emptyList();
      return ConfirmedStepsTask.builder().connectedIntegrationNames(none)
          .connectedMcpPresetNames(Collections.<McpPresetName>emptyList()).build();
    }

    @Override public String toString() {
      return "AgentRequest.Integrations{integrations=" + integrations() + ", mcpPresets=" + mcpPresets() + "}";
    }
  }

  /**
   * A Vercel Connect connector to set up in a browser ({@code configure_vercel_connect} with
   * status {@code setup-required}): open {@link #setupUrl()}, wait with
   * {@code v0.chats().connectSetup(chatId, requestId(), options).await()} until it is ready, then
   * resolve with {@link #completed()}.
   */
  public static final class VercelConnect extends AgentRequest {
    private final AgentActionPart action;
    private final VercelConnectSetupRequired data;

    VercelConnect(AgentActionPart action, int index, VercelConnectSetupRequired data) {
      super(action, index);
      this.action = action;
      this.data = data;
    }

    @Override public String name() {
      return action.getName();
    }

    /**
     * The page where the user completes the setup.
     *
     * @return the page where the user completes the setup
     */
    public String setupUrl() {
      return data.getSetupUrl();
    }

    /**
     * The id to poll the setup's status with.
     *
     * @return the id to poll the setup's status with
     */
    public String requestId() {
      return data.getRequestId();
    }

    /**
     * The service to connect.
     *
     * @return the service to connect
     */
    public String service() {
      return data.getService();
    }

    /**
     * The connector's name.
     *
     * @return the connector's name
     */
    public String connectorName() {
      return data.getConnectorName();
    }

    /**
     * The action's data as sent.
     *
     * @return the action's data as sent
     */
    public VercelConnectSetupRequired data() {
      return data;
    }

    /**
     * Says the setup is done; the server checks it and attaches the connector.
     *
     * @return the task to pass to {@code messages().resolve}
     */
    public VercelConnectSetupTask completed() {
      return VercelConnectSetupTask.builder().build();
    }

    @Override public String toString() {
      return "AgentRequest.VercelConnect{service=" + data.getService() + ", requestId=" + data.getRequestId() + "}";
    }
  }

  /** Permission to run a tool the agent stopped at ({@code tool-call} with {@code suggestedPermissions}). */
  public static final class Permission extends AgentRequest {
    private final ToolCallPart call;

    Permission(ToolCallPart call, int index) {
      super(call, index);
      this.call = call;
    }

    /** The tool's name. */
    @Override public String name() {
      return call.getName();
    }

    /**
     * The tool's input, as the agent wants to run it.
     *
     * @return the tool's input, as the agent wants to run it
     */
    public Object input() {
      return call.getInput();
    }

    /**
     * The permissions the agent asks for.
     *
     * @return the permissions the agent asks for
     */
    public List<SuggestedPermission> suggestedPermissions() {
      return call.getSuggestedPermissions();
    }

    /**
     * Grants every suggested permission, passed back unchanged.
     *
     * @return the task to pass to {@code messages().resolve}
     */
    public ConfirmedPermissionsTask grant() {
      return grant(null);
    }

    /**
     * Grants every suggested permission with a message from the user (null for none).
     *
     * @param userMessage what the user adds, or null for nothing
     * @return the task to pass to {@code messages().resolve}
     */
    public ConfirmedPermissionsTask grant(String userMessage) {
      List<PermissionGrant> grants = new ArrayList<>();
      for (SuggestedPermission suggested : suggestedPermissions()) {
        grants.add(PermissionGrant.builder()
            .type(suggested.getType())
            .toolName(suggested.getToolName())
            // The input the permission covers; the call's own when the suggestion has none.
            .input(suggested.getInput() != null ? suggested.getInput() : call.getInput())
            .taskNameActive(suggested.getTaskNameActive())
            .taskNameComplete(suggested.getTaskNameComplete())
            .userMessage(suggested.getUserMessage())
            .build());
      }
      ConfirmedPermissionsTask task = ConfirmedPermissionsTask.builder()
          .permissions(grants).userMessage(userMessage).build();
      ResolveTasks.check(task);
      return task;
    }

    @Override public String toString() {
      return "AgentRequest.Permission{tool=" + call.getName() + "}";
    }
  }

  /**
   * A request of a kind this SDK does not know (an agent action with data under a new name, or a
   * known one in a shape it does not expect): its name and raw data, to answer with a task built
   * from JSON ({@link ResolveTasks#fromJson}).
   */
  public static final class Unknown extends AgentRequest {
    private final AgentActionPart action;

    Unknown(AgentActionPart action, int index) {
      super(action, index);
      this.action = action;
    }

    @Override public String name() {
      return action.getName();
    }

    /**
     * The action's short description.
     *
     * @return the action's short description
     */
    public String summary() {
      return action.getSummary();
    }

    /**
     * The raw data: maps, lists, strings, doubles, booleans.
     *
     * @return the raw data
     */
    public Object data() {
      return action.getData();
    }

    @Override public String toString() {
      return "AgentRequest.Unknown{name=" + action.getName() + "}";
    }
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? Collections.<String>emptyList() : list;
  }
}
