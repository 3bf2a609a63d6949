/**
 * The event browser that the bank's WAR serves under {@code /bank/eventsourcing/}, tested in a
 * real, headless Chromium.
 */
package dev.eventsourcing.example.bank.browser;
