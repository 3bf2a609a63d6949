/**
 * The bank's HTTP API under {@code /bank/api}: JSON in and out, money as decimal strings with
 * two places, and every error as {@code {"error": "<code>", "message": "…"}} with a status that
 * says whose fault it was (400 bad request, 404 unknown account, 409 refused by the account's
 * rules or lost to a concurrent command). Request bodies are read and parsed here, with Jackson,
 * under limits on their size, their nesting and each field, so that malformed or hostile input
 * gets the same 400 on every server and never reaches the bank.
 */
package dev.eventsourcing.example.bank.rest;
