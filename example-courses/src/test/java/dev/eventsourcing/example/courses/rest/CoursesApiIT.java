package dev.eventsourcing.example.courses.rest;

import dev.eventsourcing.example.courses.CoursesClient;
import dev.eventsourcing.example.courses.CoursesDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * Every HTTP test of the courses' API, against the packaged WAR deployed once: the tests live in
 * the interfaces this class implements, one per part of the API, so that a server that starts
 * per deployment (Payara Micro) starts once for all of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoursesApiIT implements CoursesApiContract, StudentsApiContract, SubscriptionsApiContract, EventsApiContract,
        BadRequestsApiContract, ConcurrentSubscriptionsApiContract {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CoursesDeployment.war();
    }

    @ArquillianResource
    URL base;

    private CoursesClient client;

    @BeforeEach
    void connect() {
        client = new CoursesClient(base);
    }

    @Override
    public CoursesClient client() {
        return client;
    }
}
