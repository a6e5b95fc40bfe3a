package io.github.v0java;

import io.github.v0java.model.AnsweredQuestionsTask;
import io.github.v0java.model.QuestionAnswer;
import io.github.v0java.model.UserQuestion;
import io.github.v0java.model.UserQuestionOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the answers to an {@link AgentRequest.Questions}: options chosen by id or label, free
 * text, one answer per question. Everything is checked against the questions as it is added, so
 * a typo fails here with a {@link V0InvalidRequestException} naming the question, not at the
 * server. Questions left unanswered are left out of the task.
 *
 * <pre>{@code
 * ResolveTask task = questions.answers()
 *     .choose("database", "Supabase")
 *     .choose("features", "auth", "storage")      // a multiple-choice question
 *     .customText("style", "Like Linear, but green")
 *     .build();
 * }</pre>
 */
public final class QuestionAnswers {
  private final Map<String, UserQuestion> questions = new LinkedHashMap<>();
  private final Map<String, List<String>> labels = new LinkedHashMap<>();
  private final Map<String, String> customTexts = new LinkedHashMap<>();

  QuestionAnswers(List<UserQuestion> questions) {
    for (UserQuestion question : questions) this.questions.put(question.getId(), question);
  }

  /**
   * Chooses options of question {@code questionId}, each named by its id or its label (one for a
   * single-choice question); replaces an earlier choice for that question.
   *
   * @param questionId the question's id
   * @param options the chosen options' ids or labels
   * @return this builder
   */
  public QuestionAnswers choose(String questionId, String... options) {
    UserQuestion question = question(questionId);
    String field = field(questionId);
    if (options == null || options.length == 0) {
      throw new V0InvalidRequestException(field, "choose at least one option");
    }
    if (options.length > 1 && !Boolean.TRUE.equals(question.getMultiSelect())) {
      throw new V0InvalidRequestException(field, "takes one option, got " + options.length);
    }
    List<String> chosen = new ArrayList<>();
    for (String option : options) {
      String label = labelOf(question, option);
      if (label == null) {
        throw new V0InvalidRequestException(field, "has no option '" + option + "' (options: "
            + optionLabels(question) + ")");
      }
      if (!chosen.contains(label)) chosen.add(label);
    }
    labels.put(questionId, chosen);
    return this;
  }

  /**
   * Adds free text to the answer of {@code questionId}: an answer of the user's own, or context.
   *
   * @param questionId the question's id
   * @param text the user's words
   * @return this builder
   */
  public QuestionAnswers customText(String questionId, String text) {
    question(questionId);
    if (text == null || text.isEmpty()) {
      throw new V0InvalidRequestException(field(questionId), "custom text must not be empty");
    }
    customTexts.put(questionId, text);
    return this;
  }

  /**
   * The task answering every question given an option or text, in the order asked.
   *
   * @return the task answering every question given an option or text, in the order asked
   */
  public AnsweredQuestionsTask build() {
    List<QuestionAnswer> answers = new ArrayList<>();
    for (UserQuestion question : questions.values()) {
      String id = question.getId();
      if (!labels.containsKey(id) && !customTexts.containsKey(id)) continue;
      List<String> chosen = labels.get(id);
      answers.add(QuestionAnswer.builder()
          .questionId(id)
          .questionText(question.getQuestion())
          .selectedLabels(chosen == null ? new ArrayList<String>() : chosen)
          .customText(customTexts.get(id))
          .build());
    }
    if (answers.isEmpty()) {
      throw new V0InvalidRequestException("task.answers", "answer at least one question");
    }
    AnsweredQuestionsTask task = AnsweredQuestionsTask.builder().answers(answers).build();
    ResolveTasks.check(task);
    return task;
  }

  private UserQuestion question(String questionId) {
    UserQuestion question = questionId == null ? null : questions.get(questionId);
    if (question == null) {
      throw new V0InvalidRequestException(field(questionId), "no such question (questions: "
          + questions.keySet() + ")");
    }
    return question;
  }

  private static String labelOf(UserQuestion question, String option) {
    if (question.getOptions() == null || option == null) return null;
    for (UserQuestionOption candidate : question.getOptions()) {
      if (option.equals(candidate.getId())) return candidate.getLabel();
    }
    for (UserQuestionOption candidate : question.getOptions()) {
      if (option.equals(candidate.getLabel())) return candidate.getLabel();
    }
    return null;
  }

  private static List<String> optionLabels(UserQuestion question) {
    List<String> result = new ArrayList<>();
    if (question.getOptions() != null) {
      for (UserQuestionOption option : question.getOptions()) result.add(option.getLabel());
    }
    return result;
  }

  private static String field(String questionId) {
    return "task.answers[" + questionId + "]";
  }
}
