package ru.appealdesk.client;

/** A field of a client form that needs correcting: its name, its label and why, in the page's language. */
public record FieldError(String field, String label, String message) {}
