package io.github.v0java.cli;

import io.github.v0java.AgentRequest;
import io.github.v0java.QuestionAnswers;
import io.github.v0java.ResolveTasks;
import io.github.v0java.model.ResolveTask;
import io.github.v0java.model.SuggestedPermission;
import io.github.v0java.model.UserQuestion;
import io.github.v0java.model.UserQuestionOption;
import java.util.List;

/**
 * Shows people what a finished generation waits for ({@link AgentRequest}): the questions with
 * their options, the plan, the integrations, the setup URL or the permission asked, then the
 * {@code v0 resolve} command that answers it, with an example task built by the SDK's own
 * builders (so that it is one the API accepts).
 */
final class PendingRequestText {
  private final Console console;

  PendingRequestText(Console console) {
    this.console = console;
  }

  /** Shows {@code request} (nothing if null) of chat {@code chatId} (a placeholder if unknown). */
  void show(AgentRequest request, String chatId) {
    if (request == null) return;
    console.endLine();
    console.line("");
    ResolveTask example = null;
    String hint = null;
    if (request instanceof AgentRequest.Questions questions) {
      console.line(console.bold("v0 asks:"));
      QuestionAnswers answers = questions.answers();
      boolean answered = false;
      for (UserQuestion question : questions.questions()) {
        boolean many = Boolean.TRUE.equals(question.getMultiSelect());
        console.line("  " + LiveRenderer.nullToEmpty(question.getQuestion())
            + console.dim(" (" + question.getId() + (many ? ", any of" : ", one of") + ")"));
        List<UserQuestionOption> options = question.getOptions();
        if (options == null || options.isEmpty()) {
          answers.customText(question.getId(), "...");
          answered = true;
          continue;
        }
        for (UserQuestionOption option : options) {
          console.line("    - " + option.getLabel() + (option.getDescription() != null
              ? console.dim(": " + option.getDescription()) : ""));
        }
        answers.choose(question.getId(), options.get(0).getLabel());
        answered = true;
      }
      if (answered) example = answers.build();
      hint = "answer with the labels you choose";
    } else if (request instanceof AgentRequest.PlanApproval plan) {
      console.line(console.bold("v0 waits for approval of its plan")
          + (plan.path() != null ? console.dim(" (" + plan.path() + ")") : "") + ":");
      for (String line : LiveRenderer.nullToEmpty(plan.plan()).split("\r?\n")) console.line("  " + line);
      example = plan.approve("Go ahead.");
      hint = "status approved, rejected or request-changes, with your words in content";
    } else if (request instanceof AgentRequest.Integrations integrations) {
      console.line(console.bold("v0 asks you to connect:"));
      for (String name : integrations.integrations()) console.line("  - " + name + console.dim(" (integration)"));
      for (String name : integrations.mcpPresets()) console.line("  - " + name + console.dim(" (MCP preset)"));
      example = integrations.connectedAll();
      hint = "connect them on Vercel first; list only those connected";
    } else if (request instanceof AgentRequest.VercelConnect connect) {
      console.line(console.bold("v0 needs a Vercel Connect setup")
          + console.dim(" (" + (connect.connectorName() != null ? connect.connectorName() : connect.service())
          + ")") + ":");
      console.line("  open " + connect.setupUrl());
      example = connect.completed();
      hint = "once the setup is complete";
    } else if (request instanceof AgentRequest.Permission permission) {
      console.line(console.bold("v0 asks permission to run " + permission.name())
          + console.dim(" " + LiveRenderer.compact(permission.input())) + ":");
      for (SuggestedPermission suggested : permission.suggestedPermissions()) {
        console.line("  - " + suggested.getType() + (suggested.getToolName() != null
            ? " " + suggested.getToolName() : "")
            + (suggested.getTaskNameActive() != null ? console.dim(" (" + suggested.getTaskNameActive() + ")") : ""));
      }
      example = permission.grant();
      hint = "to grant them";
    } else if (request instanceof AgentRequest.Unknown unknown) {
      console.line(console.bold("v0 waits for an answer to " + unknown.name())
          + (unknown.summary() != null ? ": " + unknown.summary() : ""));
      console.line(console.dim("  " + LiveRenderer.abbreviate(LiveRenderer.compact(unknown.data()), 200)));
    }
    String id = chatId != null ? chatId : "CHAT_ID";
    if (example == null) {
      console.line(console.dim("answer with: v0 resolve " + id + " TASK_FILE (a resolve task as JSON)"));
      return;
    }
    console.line(console.dim("answer with (" + hint + "):"));
    console.line("  echo " + shellQuote(ResolveTasks.toJson(example)) + " | v0 resolve " + id + " -");
  }

  /** {@code text} in single quotes for a POSIX shell. */
  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
