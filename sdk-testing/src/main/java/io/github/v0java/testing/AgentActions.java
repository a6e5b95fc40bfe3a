package io.github.v0java.testing;

import static io.github.v0java.testing.Json.list;
import static io.github.v0java.testing.Json.obj;

/**
 * JSON of the parts with which a generation ends waiting for the user, shaped as upstream
 * documents them: for {@link FakeV0Server#generationsEndWith}, {@link StreamEvents#insertPart} or
 * snapshots of your own. Answer them with a resolve task (see {@link Operation#RESOLVE_TASK}).
 */
public final class AgentActions {
  /** The request id of {@link #vercelConnect()}, to poll {@link Operation#GET_CONNECT_STATUS} with. */
  public static final String CONNECT_REQUEST_ID = "vcr_81Kd2";

  private AgentActions() {
  }

  /**
   * {@code ask_user_questions}: question {@code database} (single choice: Supabase, Neon,
   * localStorage) and question {@code features} (multiple choice: Dark mode, Drag and drop, Due dates).
   *
   * @return the part's JSON, for {@link FakeV0Server#generationsEndWith}
   */
  public static String questions() {
    return Json.write(action("ask_user_questions", "Asked 2 questions", obj("questions", list(
        obj("id", "database", "question", "Which database should the todos live in?", "header", "Database",
            "multiSelect", false, "options", list(
                obj("id", "opt_supabase", "label", "Supabase", "description", "Postgres with auth"),
                obj("id", "opt_neon", "label", "Neon"),
                obj("id", "opt_local", "label", "localStorage", "description", "No backend"))),
        obj("id", "features", "question", "Which extras do you want?", "header", "Extras",
            "multiSelect", true, "options", list(
                obj("id", "opt_dark", "label", "Dark mode"),
                obj("id", "opt_dnd", "label", "Drag and drop"),
                obj("id", "opt_due", "label", "Due dates")))))));
  }

  /**
   * {@code exit_plan_mode}: a two-step plan in {@code PLAN.md}.
   *
   * @return the part's JSON, for {@link FakeV0Server#generationsEndWith}
   */
  public static String plan() {
    return Json.write(action("exit_plan_mode", "Proposed a plan", obj(
        "plan", "1. Add a `todos` table\n2. Wire the list to Supabase", "summary", "Supabase backend",
        "path", "PLAN.md")));
  }

  /**
   * {@code get_or_request_integration}: Supabase and the Linear MCP preset.
   *
   * @return the part's JSON, for {@link FakeV0Server#generationsEndWith}
   */
  public static String integrations() {
    return Json.write(action("get_or_request_integration", "Needs Supabase and Linear", obj(
        "requestedIntegrations", list("Supabase"), "requestedMcpPresets", list("Linear"))));
  }

  /**
   * {@code configure_vercel_connect} waiting for a GitHub setup, request {@link #CONNECT_REQUEST_ID}.
   *
   * @return the part's JSON, for {@link FakeV0Server#generationsEndWith}
   */
  public static String vercelConnect() {
    return Json.write(action("configure_vercel_connect", "Connect GitHub", obj(
        "status", "setup-required", "requestId", CONNECT_REQUEST_ID, "service", "github",
        "serviceIconUrl", "https://assets.vercel.com/github.svg", "connectorName", "GitHub",
        "setupUrl", "https://vercel.com/connect/setup/" + CONNECT_REQUEST_ID,
        "environments", list("production", "preview"))));
  }

  /**
   * A {@code tool-call} of {@code run_script} waiting for permission ({@code suggestedPermissions}).
   *
   * @return the part's JSON, for {@link FakeV0Server#generationsEndWith}
   */
  public static String permission() {
    return Json.write(obj("type", "tool-call", "name", "run_script", "status", "ok",
        "input", obj("script", "scripts/migrate.sql"),
        "suggestedPermissions", list(obj("type", "ALLOW_DYNAMIC_TOOL_STRICT", "toolName", "run_script",
            "input", obj("script", "scripts/migrate.sql"), "taskNameActive", "Running migration",
            "taskNameComplete", "Migration complete"))));
  }

  private static java.util.Map<String, Object> action(String name, String summary, Object data) {
    return obj("type", "agent-action", "name", name, "summary", summary, "data", data);
  }
}
