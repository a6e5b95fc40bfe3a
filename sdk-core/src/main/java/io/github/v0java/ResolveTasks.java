package io.github.v0java;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.v0java.model.AnsweredQuestionsTask;
import io.github.v0java.model.ConfirmedPermissionsTask;
import io.github.v0java.model.ConfirmedStepsTask;
import io.github.v0java.model.McpPresetName;
import io.github.v0java.model.PermissionGrant;
import io.github.v0java.model.PlanExitResponseTask;
import io.github.v0java.model.QuestionAnswer;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.VercelConnectSetupTask;
import java.io.IOException;
import java.util.List;

/**
 * Resolve tasks as JSON, for tasks kept in files or typed by a person: {@link #fromJson} decodes
 * one with the SDK's generated adapters (a type this SDK does not know stays a
 * {@link ResolveTask.Unknown} and is sent as it is), {@link #toJson} encodes one.
 */
public final class ResolveTasks {
  private ResolveTasks() {
  }

  /**
   * Decodes a task such as {@code {"type":"plan-exit-response","status":"approved","content":"Go"}}
   * and checks it as {@code resolve} would.
   *
   * @param json the task's JSON object
   * @return the task, ready for {@code messages().resolve}
   * @throws V0InvalidRequestException naming {@code task} if the text is not a JSON object, or the
   *     field that breaks the API's rules
   */
  public static ResolveTask fromJson(String json) {
    if (json == null) throw new V0InvalidRequestException("task", "is null");
    ResolveTask task;
    try {
      task = V0Json.moshi().adapter(ResolveTask.class).fromJson(json);
    } catch (JsonDataException | JsonEncodingException e) {
      throw new V0InvalidRequestException("task", "is not a valid task: " + e.getMessage());
    } catch (IOException e) {
      throw new V0InvalidRequestException("task", "could not be read: " + e.getMessage());
    }
    check(task);
    return task;
  }

  /**
   * Encodes {@code task} as the JSON the API receives.
   *
   * @param task the task to encode
   * @return the JSON object, as a string
   */
  public static String toJson(ResolveTask task) {
    if (task == null) throw new V0InvalidRequestException("task", "is null");
    return V0Json.moshi().adapter(ResolveTask.class).toJson(task);
  }

  /** Checks {@code task} against the API's rules, naming the first field that breaks one. */
  static void check(ResolveTask task) {
    if (task == null) throw new V0InvalidRequestException("task", "is required");
    if (task instanceof AnsweredQuestionsTask) {
      checkAnswers((AnsweredQuestionsTask) task);
    } else if (task instanceof PlanExitResponseTask) {
      PlanExitResponseTask plan = (PlanExitResponseTask) task;
      label(task, "plan-exit-response");
      if (plan.getStatus() == null) throw new V0InvalidRequestException("task.status", "is required");
      nonEmpty("task.content", plan.getContent(), true);
    } else if (task instanceof ConfirmedStepsTask) {
      checkSteps((ConfirmedStepsTask) task);
    } else if (task instanceof ConfirmedPermissionsTask) {
      checkPermissions((ConfirmedPermissionsTask) task);
    } else if (task instanceof VercelConnectSetupTask) {
      label(task, "vercel-connect-setup");
    } else {
      // A kind added later (ResolveTask.Unknown): only its label can be checked.
      nonEmpty("task.type", task.getType(), true);
    }
  }

  private static void checkAnswers(AnsweredQuestionsTask task) {
    label(task, "answered-questions");
    List<QuestionAnswer> answers = task.getAnswers();
    if (answers == null || answers.isEmpty()) {
      throw new V0InvalidRequestException("task.answers", "answer at least one question");
    }
    for (int i = 0; i < answers.size(); i++) {
      String field = "task.answers[" + i + "]";
      QuestionAnswer answer = answers.get(i);
      if (answer == null) throw new V0InvalidRequestException(field, "is null");
      nonEmpty(field + ".questionId", answer.getQuestionId(), true);
      nonEmpty(field + ".questionText", answer.getQuestionText(), true);
      if (answer.getSelectedLabels() == null) {
        throw new V0InvalidRequestException(field + ".selectedLabels", "is required (empty for none)");
      }
      each(field + ".selectedLabels", answer.getSelectedLabels(), 1);
      nonEmpty(field + ".customText", answer.getCustomText(), false);
    }
  }

  private static void checkSteps(ConfirmedStepsTask task) {
    label(task, "confirmed-steps");
    List<String> integrations = task.getConnectedIntegrationNames();
    if (integrations != null && integrations.size() > 100) {
      throw new V0InvalidRequestException("task.connectedIntegrationNames",
          "at most 100 are allowed, got " + integrations.size());
    }
    if (integrations != null) {
      for (int i = 0; i < integrations.size(); i++) {
        String name = integrations.get(i);
        String field = "task.connectedIntegrationNames[" + i + "]";
        if (name == null) throw new V0InvalidRequestException(field, "is null");
        if (name.length() > 64) {
          throw new V0InvalidRequestException(field, "is " + name.length()
              + " characters long; at most 64 are allowed");
        }
      }
    }
    List<McpPresetName> presets = task.getConnectedMcpPresetNames();
    if (presets != null && presets.contains(null)) {
      throw new V0InvalidRequestException("task.connectedMcpPresetNames", "must not contain null");
    }
    each("task.appliedScripts", task.getAppliedScripts(), 1);
    each("task.addedEnvVars", task.getAddedEnvVars(), 1);
  }

  private static void checkPermissions(ConfirmedPermissionsTask task) {
    label(task, "confirmed-permissions");
    List<PermissionGrant> grants = task.getPermissions();
    if (grants == null || grants.isEmpty()) {
      throw new V0InvalidRequestException("task.permissions", "grant at least one permission");
    }
    for (int i = 0; i < grants.size(); i++) {
      String field = "task.permissions[" + i + "]";
      PermissionGrant grant = grants.get(i);
      if (grant == null) throw new V0InvalidRequestException(field, "is null");
      if (grant.getType() == null) throw new V0InvalidRequestException(field + ".type", "is required");
      nonEmpty(field + ".toolName", grant.getToolName(), true);
      if (grant.getInput() == null) {
        throw new V0InvalidRequestException(field + ".input",
            "is required: pass the input of the stopped tool call unchanged");
      }
      nonEmpty(field + ".taskNameActive", grant.getTaskNameActive(), false);
      nonEmpty(field + ".taskNameComplete", grant.getTaskNameComplete(), false);
      nonEmpty(field + ".userMessage", grant.getUserMessage(), false);
    }
    nonEmpty("task.userMessage", task.getUserMessage(), false);
  }

  /** A member built with a wrong {@code type} would be read by the server as another kind. */
  private static void label(ResolveTask task, String expected) {
    if (!expected.equals(task.getType())) {
      throw new V0InvalidRequestException("task.type", "must be '" + expected + "' for "
          + task.getClass().getSimpleName() + ", got '" + task.getType() + "'");
    }
  }

  private static void nonEmpty(String field, String value, boolean required) {
    if (value == null) {
      if (required) throw new V0InvalidRequestException(field, "is required");
      return;
    }
    if (value.isEmpty()) throw new V0InvalidRequestException(field, "must not be empty");
  }

  /** Every item present and at least {@code minLength} characters long. */
  private static void each(String field, List<String> values, int minLength) {
    if (values == null) return;
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null) throw new V0InvalidRequestException(field + "[" + i + "]", "is null");
      if (value.length() < minLength) {
        throw new V0InvalidRequestException(field + "[" + i + "]", "must not be empty");
      }
    }
  }
}
