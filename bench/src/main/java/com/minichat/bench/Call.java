package com.minichat.bench;

import java.net.http.HttpRequest;
import java.util.function.Predicate;

/**
 * One request and how to read its answer line by line.
 *
 * @param name how errors name the call, e.g. {@code MiniChat streaming}
 * @param route which way the call reaches the provider
 * @param firstToken whether a line carries the first piece of the answer's text
 * @param complete whether a line shows that the whole answer arrived
 */
record Call(
    String name,
    Route route,
    HttpRequest request,
    Predicate<String> firstToken,
    Predicate<String> complete) {}
