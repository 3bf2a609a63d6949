/**
 * The event browser: a web page, served under {@code /eventsourcing/} of any WAR that adds this
 * module's jar, that shows the deployment's applications, their notification logs page by page,
 * an aggregate's history, the readers with their positions and lag, and the parked
 * notifications, which an operator may retry or skip.
 *
 * <p>The page is static HTML, CSS and JavaScript from {@code META-INF/resources/eventsourcing/};
 * it reads a JSON API under {@code /eventsourcing/api/} that {@link EventBrowserServlet} serves.
 * Who may see and do what is configured by {@link BrowserSettings} and enforced by the server.
 */
package dev.eventsourcing.browser;
