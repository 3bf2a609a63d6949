/**
 * The courses' HTTP API under {@code /courses/api}: JSON in and out, and every error as
 * {@code {"error": "<code>", "message": "…"}} with a status that says whose fault it was (400 bad
 * input, 404 an unknown course or student or a subscription that does not exist, 409 refused by
 * the rules). Request bodies are read and parsed here, with Jackson, under limits on their size,
 * their nesting and each field, so that malformed or hostile input gets the same 400 on every
 * server and never reaches the application.
 */
package dev.eventsourcing.example.courses.rest;
