/**
 * The bank's HTTP API under {@code /bank/api}: JSON in and out, money as decimal strings with
 * two places, and every error as {@code {"error": "<code>", "message": "…"}} with a status that
 * says whose fault it was (400 bad request, 404 unknown account, 409 refused by the account's
 * rules or lost to a concurrent command). Request bodies are parsed here, with JSON-P, so that
 * malformed input gets the same answer on every server.
 */
package dev.eventsourcing.example.bank.rest;
