package dev.eventsourcing.example.bank.rest;

import dev.eventsourcing.example.bank.BankClient;
import dev.eventsourcing.example.bank.BankDeployment;
import dev.eventsourcing.example.bank.ServerLog;
import dev.eventsourcing.example.bank.TestUser;
import dev.eventsourcing.example.bank.application.ReadModelFaults;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

/**
 * Every HTTP test of the bank's API, against the packaged WAR deployed once: the tests live in
 * the interfaces this class implements, one per part of the API, so that a server that starts
 * per deployment (Payara Micro) starts once for all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BankApiIT implements AccessApiContract, AccountsApiContract, BadRequestsApiContract, NotificationsApiContract,
        ConcurrentDepositsApiContract, StatisticsApiContract, TransfersApiContract, TransfersSystemApiContract,
        ParkedApiContract, ShreddingApiContract, LandingPageApiContract, HealthApiContract,
        HotAccountApiContract {

    /** The packaged WAR, plus the test-only endpoint through which the parked tests break the read model. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return BankDeployment.war().addClass(ReadModelFaults.class);
    }

    @ArquillianResource
    URL base;

    private BankClient client;

    @BeforeEach
    void connect() {
        client = new BankClient(base, TestUser.TELLER);
    }

    @Override
    public BankClient client() {
        return client;
    }

    @Override
    public ServerLog serverLog() {
        return ServerLog.ofTestServer();
    }

    /** WildFly answers on its management port; Payara Micro on its HTTP port. */
    @Override
    public URI health() {
        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management-port") + "/");
        }
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
    }
}
