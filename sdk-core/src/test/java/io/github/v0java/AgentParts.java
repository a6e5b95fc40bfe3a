package io.github.v0java;

/** Realistic parts of a generation that ends waiting for the user, and messages carrying them. */
final class AgentParts {
  static final String QUESTIONS = "{\"type\":\"agent-action\",\"name\":\"ask_user_questions\","
      + "\"summary\":\"Asked 2 questions\",\"startedAt\":\"2026-11-20T09:15:09.000Z\",\"data\":{\"questions\":["
      + "{\"id\":\"database\",\"question\":\"Which database should the todos live in?\",\"header\":\"Database\","
      + "\"multiSelect\":false,\"options\":[{\"id\":\"opt_supabase\",\"label\":\"Supabase\","
      + "\"description\":\"Postgres with auth\"},{\"id\":\"opt_neon\",\"label\":\"Neon\"},"
      + "{\"id\":\"opt_local\",\"label\":\"localStorage\",\"description\":\"No backend\"}]},"
      + "{\"id\":\"features\",\"question\":\"Which extras do you want?\",\"header\":\"Extras\",\"multiSelect\":true,"
      + "\"options\":[{\"id\":\"opt_dark\",\"label\":\"Dark mode\"},{\"id\":\"opt_dnd\",\"label\":\"Drag and drop\"},"
      + "{\"id\":\"opt_due\",\"label\":\"Due dates\"}]}]}}";
  static final String PLAN = "{\"type\":\"agent-action\",\"name\":\"exit_plan_mode\",\"summary\":\"Proposed a plan\","
      + "\"data\":{\"plan\":\"1. Add a `todos` table\\n2. Wire the list to Supabase\",\"summary\":\"Supabase backend\","
      + "\"path\":\"PLAN.md\"}}";
  static final String INTEGRATIONS = "{\"type\":\"agent-action\",\"name\":\"get_or_request_integration\","
      + "\"summary\":\"Needs Supabase and Linear\",\"data\":{\"requestedIntegrations\":[\"Supabase\"],"
      + "\"requestedMcpPresets\":[\"Linear\"]}}";
  static final String CONNECT = "{\"type\":\"agent-action\",\"name\":\"configure_vercel_connect\","
      + "\"summary\":\"Connect GitHub\",\"data\":{\"status\":\"setup-required\",\"requestId\":\"vcr_81Kd2\","
      + "\"service\":\"github\",\"serviceIconUrl\":\"https://assets.vercel.com/github.svg\","
      + "\"connectorName\":\"GitHub\",\"setupUrl\":\"https://vercel.com/connect/setup/vcr_81Kd2\","
      + "\"environments\":[\"production\",\"preview\"]}}";
  static final String CONNECT_COMPLETED = "{\"type\":\"agent-action\",\"name\":\"configure_vercel_connect\","
      + "\"summary\":\"Connected GitHub\",\"data\":{\"status\":\"completed\",\"action\":\"attach\","
      + "\"summary\":\"Attached GitHub\",\"connectors\":[{\"id\":\"conn_1\",\"name\":\"GitHub\","
      + "\"attachedToProject\":true}]}}";
  static final String PERMISSION = "{\"type\":\"tool-call\",\"name\":\"run_script\",\"status\":\"ok\","
      + "\"input\":{\"script\":\"scripts/migrate.sql\"},\"suggestedPermissions\":[{\"type\":\"ALLOW_DYNAMIC_TOOL_STRICT\","
      + "\"toolName\":\"run_script\",\"input\":{\"script\":\"scripts/migrate.sql\"},\"taskNameActive\":\"Running migration\","
      + "\"taskNameComplete\":null}]}";
  static final String FUTURE_ACTION = "{\"type\":\"agent-action\",\"name\":\"pick_color_palette\","
      + "\"summary\":\"Pick colours\",\"data\":{\"palettes\":[[\"#000\",\"#fff\"]],\"allowCustom\":true}}";
  static final String TODOS = "{\"type\":\"agent-action\",\"name\":\"manage_todos\",\"summary\":\"Updated the todo list\"}";
  static final String TEXT = "{\"type\":\"text\",\"text\":\"Before I build it, a few questions.\"}";

  private AgentParts() {
  }

  /** A message of chat c1 with these parts (JSON array items), finished when the reason is given. */
  static String message(String id, String finishReason, String... parts) {
    return StreamScript.snapshot(id, "[" + String.join(",", parts) + "]", finishReason, "")
        .replace("{\"object\":\"message\",", "{");
  }
}
