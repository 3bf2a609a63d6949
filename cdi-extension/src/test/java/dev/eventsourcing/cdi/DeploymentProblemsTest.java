package dev.eventsourcing.cdi;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topic;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.eventsourcing.cdi.support.Deployments.failureOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each invalid setup fails the deployment with a message that starts with its stable id. */
class DeploymentProblemsTest {

    @Test
    void anAggregateWithoutANoArgumentConstructorFailsWithEscdi001() {
        assertProblem("ESCDI001: Aggregate " + Unbuildable.class.getName(), failureOf(NeedsUnbuildable.class));
    }

    @Test
    void anEventThatIsNoRecordFailsWithEscdi002() {
        assertProblem("ESCDI002: Event type " + ClassEvents.Happened.class.getName() + " cannot be stored: it is not a record",
                failureOf(NeedsClassEvents.class));
    }

    @Test
    void anEventWithAComponentDeclaredAsObjectFailsWithEscdi002() {
        assertProblem("ESCDI002: Event type " + VagueEvents.Happened.class.getName()
                + " cannot be stored: component 'what' is declared as Object", failureOf(NeedsVagueEvents.class));
    }

    @Test
    void aPersonalDataEventNamingNoUsableSubjectFailsWithEscdi002() {
        assertProblem("ESCDI002: Event type " + UnnamedSubjectEvents.Told.class.getName() + " cannot be stored: @PersonalData"
                + " of " + UnnamedSubjectEvents.Told.class.getName() + " names subject accessor that cannot be used: it has"
                + " no public method or record component 'customer'", failureOf(NeedsUnnamedSubjectEvents.class));
    }

    @Test
    void twoProjectionsWithTheSameNameFailWithEscdi003() {
        assertProblem("ESCDI003: Two projections are named 'balances'", failureOf(Balances.class, OtherBalances.class));
    }

    @Test
    void aProjectionObservingATypeThatIsNoEventFailsWithEscdi004() {
        assertProblem("ESCDI004: Projection method " + ObservesString.class.getName() + ".on() observes java.lang.String",
                failureOf(ObservesString.class));
    }

    @Test
    void aProjectionMethodWithAnUnsupportedParameterFailsWithEscdi005() {
        assertProblem("ESCDI005: Projection method " + TakesTeller.class.getName() + ".on() has a parameter of type "
                + Teller.class.getName(), failureOf(TakesTeller.class, Teller.class));
    }

    @Test
    void aShreddedEventObserverTakingADomainEventFailsWithEscdi017() {
        assertProblem("ESCDI017: Projection method " + ShreddedWithDomainEvent.class.getName() + ".on()"
                + " observes a ShreddedEvent and takes a DomainEvent", failureOf(ShreddedWithDomainEvent.class));
    }

    @Test
    void aShreddedEventObserverNamingNoEventTypeFailsWithEscdi004() {
        assertProblem("ESCDI004: Projection method " + ShreddedOfNothing.class.getName() + ".on() observes "
                + "dev.eventsourcing.projection.ShreddedEvent<?>", failureOf(ShreddedOfNothing.class));
    }

    @Test
    void anAsynchronousProjectionMethodFailsWithEscdi006() {
        assertProblem("ESCDI006: Projection method " + Asynchronous.class.getName() + ".on() is asynchronous",
                failureOf(Asynchronous.class));
    }

    @Test
    void aTransactionalProjectionMethodFailsWithEscdi006() {
        assertProblem("ESCDI006: Projection method " + AfterSuccess.class.getName() + ".on() is transactional",
                failureOf(AfterSuccess.class));
    }

    @Test
    void aDependentProjectionFailsWithEscdi007() {
        assertProblem("ESCDI007: Projection " + DependentProjection.class.getName() + " has scope @Dependent",
                failureOf(DependentProjection.class));
    }

    @Test
    void aBlankProjectionNameFailsWithEscdi008() {
        assertProblem("ESCDI008: Projection " + Unnamed.class.getName() + " has a blank name", failureOf(Unnamed.class));
    }

    @Test
    void aRepositoryOfNoConcreteAggregateFailsWithEscdi009() {
        assertProblem("ESCDI009: Injection point " + NeedsRawRepository.class.getName() + ".repository",
                failureOf(NeedsRawRepository.class));
    }

    @Test
    void anApplicationWithoutASettingsConstructorFailsWithEscdi010() {
        assertProblem("ESCDI010: Application " + NoSettings.class.getName() + " cannot be made by the extension: it has no"
                + " constructor taking Settings", failureOf(NeedsNoSettings.class));
    }

    @Test
    void injectingApplicationWhenThereAreSeveralFailsWithEscdi011() {
        assertProblem("ESCDI011: Injection point " + NeedsAnyApplication.class.getName() + ".application of type"
                + " Application is ambiguous", failureOf(NeedsAnyApplication.class));
    }

    @Test
    void anUnknownDispatchModeFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.projection.dispatch' must be"
                + " 'sync' or 'async', was 'sometimes'", failureOf(Map.of("eventsourcing.projection.dispatch", "sometimes"),
                Teller.class));
    }

    @Test
    void aHealthBoundThatIsNoNumberFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.health.max-lag' must be a"
                + " whole number of at least 0, was 'lots'", failureOf(Map.of("eventsourcing.health.max-lag", "lots"),
                Teller.class));
    }

    @Test
    void anUnknownCompressorFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.compressor' must be 'zlib' or 'none',"
                + " was 'gzip'", failureOf(Map.of("eventsourcing.compressor", "gzip"), Teller.class));
    }

    @Test
    void anUnknownPersistenceModuleFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: Setting 'eventsourcing.persistence.module' must be"
                + " 'inmemory' or 'jpa', was 'mongodb'", failureOf(Map.of("eventsourcing.persistence.module", "mongodb"),
                Teller.class));
    }

    @Test
    void aProjectionWithoutObserversFailsWithEscdi013() {
        assertProblem("ESCDI013: Projection " + Idle.class.getName() + " has no @Observes method", failureOf(Idle.class));
    }

    @Test
    void twoApplicationSystemsFailWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration: The deployment has 2 ApplicationSystem beans",
                failureOf(ProcessApplicationTest.SystemDefinition.class, SecondSystem.class));
    }

    @Test
    void aRepositoryThatNoneOfSeveralApplicationsDeclaresFailsWithEscdi015() {
        assertProblem("ESCDI015: Injection point " + NeedsUndeclaredRepository.class.getName() + ".accounts of type"
                + " Repository<BankAccount> has no application", failureOf(NeedsUndeclaredRepository.class));
    }

    @Test
    void aRepositoryThatSeveralApplicationsDeclareFailsWithEscdi015() {
        assertProblem("ESCDI015: Injection point " + NeedsTwiceDeclaredRepository.class.getName() + ".accounts of type"
                + " Repository<BankAccount> is ambiguous", failureOf(NeedsTwiceDeclaredRepository.class));
    }

    @Test
    void asynchronousDispatchWithoutAManagedExecutorFailsWithEscdi016() {
        assertProblem("ESCDI016: No managed executor", failureOf(Map.of("eventsourcing.projection.dispatch", "async",
                "eventsourcing.executor", "managed"), Teller.class));
    }

    @Test
    void aBlankTopicFailsWithEscdi018() {
        assertProblem("ESCDI018: Class " + BlankTopicEvents.Happened.class.getName() + " of the domain model has no usable"
                + " topic", failureOf(NeedsBlankTopicEvents.class));
    }

    @Test
    void twoClassesWithOneTopicFailWithEscdi019() {
        assertProblem("ESCDI019: Two classes of the domain model have the topic 'shared.Happened': "
                + SharedTopicEvents.Happened.class.getName() + " and " + SharedTopicEvents.Other.class.getName(),
                failureOf(NeedsSharedTopicEvents.class));
    }

    @Test
    void aScannedEventWithTheTopicOfAnAggregatesEventFailsWithEscdi019() {
        assertProblem("ESCDI019: Two classes of the domain model have the topic '" + BankAccount.Opened.class.getName()
                + "'", failureOf(Teller.class, Impostor.class));
    }

    @Test
    void aProjectionNamedLikeAnApplicationFailsWithEscdi012() {
        assertProblem("ESCDI012: Invalid event sourcing configuration:", failureOf(NamedLikeTheApplication.class, Teller.class));
        assertProblem("tracking", failureOf(NamedLikeTheApplication.class, Teller.class));
    }

    @Projection("Application")
    public static class NamedLikeTheApplication {
        void on(@Observes BankAccount.Opened event) {
        }
    }

    @ApplicationScoped
    public static class NeedsUndeclaredRepository {
        @Inject
        Bank bank;
        @Inject
        Shop shop;
        @Inject
        Repository<BankAccount> accounts;
    }

    public static class AccountsBank extends Application {
        public AccountsBank(Settings settings) {
            super(settings);
        }

        public Repository<BankAccount> accounts() {
            return repository(BankAccount.class);
        }
    }

    public static class AccountsShop extends AccountsBank {
        public AccountsShop(Settings settings) {
            super(settings);
        }
    }

    @ApplicationScoped
    public static class NeedsTwiceDeclaredRepository {
        @Inject
        AccountsBank bank;
        @Inject
        AccountsShop shop;
        @Inject
        Repository<BankAccount> accounts;
    }

    @ApplicationScoped
    public static class SecondSystem {
        @jakarta.enterprise.inject.Produces
        @jakarta.inject.Named("second")
        dev.eventsourcing.system.ApplicationSystem system = dev.eventsourcing.system.ApplicationSystem.of(
                java.util.List.of(dev.eventsourcing.cdi.Bank.class, ProcessApplicationTest.Welcomes.class));
    }

    private static void assertProblem(String expected, String failure) {
        assertTrue(failure.contains(expected), () -> "expected a failure containing\n  " + expected + "\nbut was\n  " + failure);
    }

    public static class Unbuildable extends Aggregate {
        Unbuildable(String name) {
        }

        public record Made() implements AggregateEvent<Unbuildable> {
        }
    }

    @ApplicationScoped
    public static class NeedsUnbuildable {
        @Inject
        Repository<Unbuildable> repository;
    }

    public static class ClassEvents extends Aggregate {
        public static final class Happened implements AggregateEvent<ClassEvents> {
        }
    }

    @ApplicationScoped
    public static class NeedsClassEvents {
        @Inject
        Repository<ClassEvents> repository;
    }

    public static class VagueEvents extends Aggregate {
        public record Happened(Object what) implements AggregateEvent<VagueEvents> {
        }
    }

    @ApplicationScoped
    public static class NeedsVagueEvents {
        @Inject
        Repository<VagueEvents> repository;
    }

    public static class UnnamedSubjectEvents extends Aggregate {
        @dev.eventsourcing.domain.PersonalData(subject = "customer")
        public record Told(String secret) implements AggregateEvent<UnnamedSubjectEvents> {
        }
    }

    @ApplicationScoped
    public static class NeedsUnnamedSubjectEvents {
        @Inject
        Repository<UnnamedSubjectEvents> repository;
    }

    @Projection("balances")
    public static class OtherBalances {
        void on(@Observes BankAccount.Opened event) {
        }
    }

    @Projection("strings")
    public static class ObservesString {
        void on(@Observes String event) {
        }
    }

    @Projection("teller")
    public static class TakesTeller {
        void on(@Observes BankAccount.Opened event, Teller teller) {
        }
    }

    @Projection("shredded-with-domain-event")
    public static class ShreddedWithDomainEvent {
        void on(@Observes dev.eventsourcing.projection.ShreddedEvent<BankAccount.Opened> event, DomainEvent<?> envelope) {
        }
    }

    @Projection("shredded-of-nothing")
    public static class ShreddedOfNothing {
        void on(@Observes dev.eventsourcing.projection.ShreddedEvent<?> event) {
        }
    }

    @Projection("async")
    public static class Asynchronous {
        void on(@ObservesAsync BankAccount.Opened event) {
        }
    }

    @Projection("after-success")
    public static class AfterSuccess {
        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) BankAccount.Opened event) {
        }
    }

    @Projection("dependent")
    @Dependent
    public static class DependentProjection {
        void on(@Observes BankAccount.Opened event, Notification notification, DomainEvent<?> domainEvent) {
        }
    }

    @Projection(" ")
    public static class Unnamed {
        void on(@Observes BankAccount.Opened event) {
        }
    }

    @ApplicationScoped
    public static class NeedsRawRepository {
        @SuppressWarnings("rawtypes")
        @Inject
        Repository repository;
    }

    public static class NoSettings extends Application {
    }

    @ApplicationScoped
    public static class NeedsNoSettings {
        @Inject
        NoSettings application;
    }

    public static class Bank extends Application {
        public Bank(Settings settings) {
            super(settings);
        }
    }

    public static class Shop extends Application {
        public Shop(Settings settings) {
            super(settings);
        }
    }

    @ApplicationScoped
    public static class NeedsAnyApplication {
        @Inject
        Bank bank;
        @Inject
        Shop shop;
        @Inject
        Application application;
    }

    @Projection("idle")
    public static class Idle {
    }

    public static class BlankTopicEvents extends Aggregate {
        @Topic("")
        public record Happened() implements AggregateEvent<BlankTopicEvents> {
        }
    }

    @ApplicationScoped
    public static class NeedsBlankTopicEvents {
        @Inject
        Repository<BlankTopicEvents> repository;
    }

    public static class SharedTopicEvents extends Aggregate {
        @Topic("shared.Happened")
        public record Happened() implements AggregateEvent<SharedTopicEvents> {
        }

        @Topic("shared.Happened")
        public record Other() implements AggregateEvent<SharedTopicEvents> {
        }
    }

    @ApplicationScoped
    public static class NeedsSharedTopicEvents {
        @Inject
        Repository<SharedTopicEvents> repository;
    }

    /** An event of another aggregate that claims the topic of a bank account's Opened. */
    @Topic("dev.eventsourcing.application.bank.BankAccount$Opened")
    public record Impostor(String name) implements AggregateEvent<SharedTopicEvents> {
    }
}
