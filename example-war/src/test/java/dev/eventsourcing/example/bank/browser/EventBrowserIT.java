package dev.eventsourcing.example.bank.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankClient.Reply;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.bank.application.ReadModelFaults;
import dev.eventsourcing.example.bank.domainmodel.Account;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event browser in a real, headless Chromium against the deployed bank: an auditor pages
 * through the log, opens an account's history and sees the readers and what is parked; an
 * operator retries a parked notification with its button. One browser serves every test; each
 * logs in by sending its user's HTTP Basic credentials with every request. Screenshots are saved
 * under {@code target/} ({@code event-browser.png} shows the log).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target");
    /** Event data is hostile input: the page must show it as text, never run or render it. */
    private static final String HOSTILE_NAME = "Eve <img src=x onerror=document.title='owned'>";

    private static HeadlessChromium chromium;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BankDeployment.war().addClass(ReadModelFaults.class);
    }

    @BeforeAll
    static void startChromium() throws IOException {
        if (HeadlessChromium.available()) {
            chromium = HeadlessChromium.start();
        }
    }

    @BeforeEach
    void skipOrFailWithoutChromium() {
        HeadlessChromium.skipOrFailWhenMissing();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAuditorPagesTheLogOpensAHistoryAndSeesReadersAndAnOperatorRetriesAParkedNotification() throws Exception {
        BankClient teller = new BankClient(base, TestUser.TELLER);
        String eve = teller.open(HOSTILE_NAME, "eve@example.com");
        deposit(teller, eve, "10.00");
        deposit(teller, eve, "2.50");
        String ida = teller.open("Ida", "ida@example.com");
        breakReadModelOf(teller, ida);
        deposit(teller, ida, "7.00");
        long parkedId = awaitParked(teller.as(TestUser.AUDITOR), ida).get("notificationId").asLong();

        chromium.authenticateAs(TestUser.AUDITOR);
        open("#/");
        waitFor(By.cssSelector("#applications a"));
        assertEquals(List.of("Bank", "Transfers"), texts(By.cssSelector("#applications a")).stream().sorted().toList());
        assertTrue(text(By.id("user")).startsWith("auditor"), text(By.id("user")));

        String firstId = String.valueOf(firstNotificationId(teller.as(TestUser.AUDITOR)));
        String fourthId = String.valueOf(Long.parseLong(firstId) + 3);
        open("#/log/Bank/" + firstId + "/3");
        waitFor(By.cssSelector("table[data-view=log] tbody tr"));
        assertEquals(firstId, firstCell());
        click(By.id("next-page"));
        waitUntil(() -> firstCell().equals(fourthId));
        click(By.id("previous-page"));
        waitUntil(() -> firstCell().equals(firstId));
        chromium.screenshot(SCREENSHOTS.resolve("event-browser.png"));

        // The first page opens an account and deposits (whichever test ran first): filtered by
        // the deposits' topic, it shows the deposits' rows alone.
        List<String> deposits = depositIds();
        assertTrue(!deposits.isEmpty() && deposits.size() < 3, "the first page holds deposits and an opening: " + deposits);
        WebElement topics = waitFor(By.cssSelector("form.topics input"));
        topics.sendKeys(Account.Deposited.class.getName());
        topics.submit();
        waitUntil(() -> logIds().equals(deposits));
        open("#/log/Bank/" + firstId + "/3");
        waitUntil(() -> texts(By.cssSelector("table[data-view=log] tbody tr")).size() == 3);

        WebElement originator = waitFor(By.cssSelector("table[data-view=log] tbody tr td.id a"));
        String first = originator.getText();
        originator.click();
        waitUntil(() -> text(By.cssSelector("h1")).equals("Aggregate " + first));

        WebElement id = chromium.driver.findElement(By.cssSelector("form.find input"));
        id.clear();
        id.sendKeys(eve);
        id.submit();
        waitUntil(() -> text(By.cssSelector("h1")).equals("Aggregate " + eve));
        waitFor(By.cssSelector("table[data-view=history] tbody tr"));
        List<WebElement> versions = chromium.driver.findElements(By.cssSelector("table[data-view=history] tbody tr"));
        assertEquals(3, versions.size());
        assertTrue(versions.get(0).getText().contains("Account.Opened"), versions.get(0).getText());
        assertTrue(versions.get(0).getText().contains(HOSTILE_NAME), "shown as text: " + versions.get(0).getText());
        assertTrue(versions.get(2).getText().contains("Account.Deposited"), versions.get(2).getText());
        assertTrue(chromium.driver.findElements(By.cssSelector("#content img")).isEmpty(), "no markup from event data");
        assertEquals("Event browser", chromium.driver.getTitle());
        chromium.screenshot(SCREENSHOTS.resolve("event-browser-history.png"));

        click(By.id("nav-readers"));
        WebElement summaries = waitFor(By.xpath("//table[@data-view='readers']//tr[td[1]='AccountSummaries']"));
        assertTrue(summaries.getText().contains("parked"), summaries.getText());
        chromium.screenshot(SCREENSHOTS.resolve("event-browser-readers.png"));

        click(By.id("nav-parked"));
        waitFor(By.cssSelector("table[data-view=parked] tr[data-id='" + parkedId + "']"));
        assertTrue(chromium.driver.findElements(By.cssSelector("button.retry, button.skip")).isEmpty(),
                "an auditor gets no operator buttons");

        chromium.authenticateAs(TestUser.OPERATOR);
        repairReadModelOf(teller, ida);
        chromium.driver.navigate().refresh();
        By retry = By.cssSelector("tr[data-id='" + parkedId + "'] button.retry");
        waitFor(retry);
        chromium.screenshot(SCREENSHOTS.resolve("event-browser-parked.png"));
        click(retry);
        waitUntil(() -> text(By.id("message")).equals("Retried notification " + parkedId + ": 1 processed."));
        new Select(chromium.driver.findElement(By.cssSelector(".toolbar select"))).selectByValue("retried");
        WebElement retried = waitFor(By.cssSelector("table[data-view=parked] tr[data-id='" + parkedId + "']"));
        assertTrue(retried.getText().contains("retried"), retried.getText());
    }

    @Test
    void onlyKnownUsersInTheRolesGetInAnAuditorGetsNoOperatorButtonsAndThePageRunsOnlyItsOwnScripts() throws Exception {
        BankClient teller = new BankClient(base, TestUser.TELLER);
        String kim = teller.open("Kim", "kim@example.com");
        breakReadModelOf(teller, kim);
        deposit(teller, kim, "1.00");
        JsonNode parked = awaitParked(teller.as(TestUser.AUDITOR), kim);
        String action = "api/parked/AccountSummaries/Bank/" + parked.get("notificationId").asLong() + "/skip";

        chromium.authenticateAs(TestUser.AUDITOR);
        open("#/parked");
        waitFor(By.cssSelector("table[data-view=parked] tr[data-id='" + parked.get("notificationId").asLong() + "']"));
        Object status = chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', headers: {'X-Eventsourcing-Browser': '1'}})"
                + ".then(r => done(r.status), e => done(String(e)));", action);

        assertTrue(chromium.driver.findElements(By.cssSelector("button.retry, button.skip")).isEmpty());
        assertEquals(403L, status, "the server refuses an auditor's POST, buttons or not");
        HttpResponse<String> anonymous = get("", null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                "a browser asks for the user: " + anonymous.headers().map());
        assertEquals(403, get("api/applications", TestUser.TELLER).statusCode(), "a teller may not view");
        HttpResponse<String> page = get("", TestUser.AUDITOR);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                page.headers().map().toString());
        assertEquals(403, postWithoutTheBrowsersHeader(action, TestUser.OPERATOR).statusCode(),
                "an operator's POST that a page of another site could send");
        assertEquals(1, teller.as(TestUser.AUDITOR).get("parked?reader=AccountSummaries&status=parked&limit=1000")
                .body().findValues("originatorId").stream().filter(id -> id.asText().equals(kim)).count());
        repairReadModelOf(teller, kim);
        new BankClient(base, TestUser.OPERATOR).post("parked/AccountSummaries/Bank/" + parked.get("notificationId").asLong()
                + "/retry", "");
    }

    // A fresh load, so that the page asks again who the user is: from the same page, going to
    // another hash would only change the hash.
    private void open(String hash) {
        chromium.driver.get("about:blank");
        chromium.driver.get(base + "eventsourcing/" + hash);
    }

    private WebElement waitFor(By element) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    private void waitUntil(BooleanSupplier condition) {
        waiting().until(driver -> condition.getAsBoolean());
    }

    // The page replaces its content when it has read the API: an element found just before is then gone.
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void click(By element) {
        waitFor(element).click();
    }

    private String text(By element) {
        return chromium.driver.findElement(element).getText();
    }

    private List<String> texts(By elements) {
        return chromium.driver.findElements(elements).stream().map(WebElement::getText).toList();
    }

    private List<String> logIds() {
        return chromium.driver.findElements(By.cssSelector("table[data-view=log] tbody tr")).stream()
                .map(row -> row.findElement(By.cssSelector("td")).getText()).toList();
    }

    private List<String> depositIds() {
        return chromium.driver.findElements(By.cssSelector("table[data-view=log] tbody tr")).stream()
                .filter(row -> row.getText().contains("Account.Deposited"))
                .map(row -> row.findElement(By.cssSelector("td")).getText()).toList();
    }

    private String firstCell() {
        return text(By.cssSelector("table[data-view=log] tbody tr td"));
    }

    /** A GET as the user, or without credentials when {@code null}. */
    private HttpResponse<String> get(String path, TestUser user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "eventsourcing/" + path)).GET();
        if (user != null) {
            request.header("Authorization", user.basicAuthorization());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithoutTheBrowsersHeader(String path, TestUser user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "eventsourcing/" + path))
                .header("Authorization", user.basicAuthorization()).header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // The log's first id: a store emptied by an earlier test class on the same database keeps counting.
    private static long firstNotificationId(BankClient auditor) {
        String start = "1";
        while (true) {
            JsonNode page = auditor.get("notifications?start=" + start).body();
            if (!page.get("items").isEmpty()) {
                return page.get("items").get(0).get("id").asLong();
            }
            start = page.get("next").asText();
        }
    }

    private static void deposit(BankClient teller, String account, String amount) {
        Reply reply = teller.post("accounts/" + account + "/deposits", "{\"amount\":\"" + amount + "\"}");
        assertEquals(200, reply.status(), reply.text());
    }

    private static void breakReadModelOf(BankClient teller, String account) throws InterruptedException {
        // The projection may not have projected the opening yet: there is no row to remove then.
        Reply reply = teller.delete("test/read-model/accounts/" + account);
        for (int i = 0; i < 150 && reply.status() == 404; i++) {
            Thread.sleep(200);
            reply = teller.delete("test/read-model/accounts/" + account);
        }
        assertEquals(204, reply.status(), reply.text());
    }

    private static void repairReadModelOf(BankClient teller, String account) {
        Reply reply = teller.put("test/read-model/accounts/" + account, "");
        assertEquals(204, reply.status(), reply.text());
    }

    /** The account's parked notification, once the projection has parked it (after its attempts). */
    private static JsonNode awaitParked(BankClient auditor, String account) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            for (JsonNode parked : auditor.get("parked?reader=AccountSummaries&status=parked&limit=1000").body()) {
                if (parked.get("originatorId").asText().equals(account)) {
                    return parked;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing of account " + account + " was parked");
    }
}
