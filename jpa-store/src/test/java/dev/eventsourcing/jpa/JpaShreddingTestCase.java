package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.ShreddingTestCase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Crypto-shredding on the JPA module, with the patients view in a table of the store's database,
 * written through the projection's entity manager: erasing a patient deletes their rows in the
 * transaction that records the shredding's position.
 */
abstract class JpaShreddingTestCase extends ShreddingTestCase {

    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS patients_view (
                view_name  VARCHAR(40)  NOT NULL,
                patient_id VARCHAR(36)  NOT NULL,
                name       VARCHAR(200) NOT NULL
            )""";

    /** The test class's database. */
    protected abstract TestDatabase database();

    @Override
    protected Settings backendSettings() {
        return database().freshStoreSettings();
    }

    @Override
    protected PatientRows patientRows(Settings store) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                store.get(JpaInfrastructureFactory.PERSISTENCE_UNIT).orElseThrow(),
                Map.of("jakarta.persistence.jdbc.url", store.get(JpaInfrastructureFactory.URL).orElseThrow(),
                        "jakarta.persistence.jdbc.user", store.get(JpaInfrastructureFactory.USER).orElseThrow(),
                        "jakarta.persistence.jdbc.password", ""));
        JpaTransactions own = JpaTransactions.resourceLocal(factory);
        own.inTransaction(em -> em.createNativeQuery(CREATE_TABLE).executeUpdate());
        return new TableRows(UUID.randomUUID().toString().substring(0, 8), factory);
    }

    /** Rows of one view in patients_view; read back through a connection pool of the test's own. */
    private record TableRows(String view, EntityManagerFactory factory) implements PatientRows, AutoCloseable {

        @Override
        public void close() {
            factory.close();
        }

        @Override
        public void insert(Object unitOfWork, UUID patient, String name) {
            ((EntityManager) unitOfWork).createNativeQuery(
                            "INSERT INTO patients_view (view_name, patient_id, name) VALUES (?1, ?2, ?3)")
                    .setParameter(1, view).setParameter(2, patient.toString()).setParameter(3, name).executeUpdate();
        }

        @Override
        public void deleteAll(Object unitOfWork, UUID patient) {
            ((EntityManager) unitOfWork).createNativeQuery(
                            "DELETE FROM patients_view WHERE view_name = ?1 AND patient_id = ?2")
                    .setParameter(1, view).setParameter(2, patient.toString()).executeUpdate();
        }

        @Override
        public List<String> namesOf(UUID patient) {
            EntityManager em = factory.createEntityManager();
            try {
                return em.createNativeQuery("SELECT name FROM patients_view WHERE view_name = ?1 AND patient_id = ?2")
                        .setParameter(1, view).setParameter(2, patient.toString()).getResultList().stream()
                        .map(String::valueOf).toList();
            } finally {
                em.close();
            }
        }
    }
}
