package ru.appealdesk.delivery;

/** What the client receives by e-mail: the answer text in the appeal's language, plus the same answer as a PDF. */
public record AnswerEmail(String appealNumber, String appealType, String language, String clientEmail,
    String clientFullName, String answerText) {}
