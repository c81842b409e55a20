package com.minichat.application.port.out.ai;

/**
 * A language model's answer.
 *
 * @param text the answer shown to the visitor
 * @param model which model produced it, e.g. {@code offline}
 */
public record ModelReply(String text, String model) {}
