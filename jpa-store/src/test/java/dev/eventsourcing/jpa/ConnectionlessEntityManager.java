package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * An entity manager as a provider that gives no connection of its transaction shows it, so that
 * the store takes its native-query paths, which the contract suites (run on providers that give
 * one) never reach.
 */
final class ConnectionlessEntityManager {

    private ConnectionlessEntityManager() {
    }

    /** {@code em}, except that it has no delegate and cannot be unwrapped to a connection. */
    static EntityManager of(EntityManager em) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getDelegate")) {
                        return null;
                    }
                    if (method.getName().equals("unwrap") && arguments[0] == Connection.class) {
                        throw new PersistenceException("No connection here");
                    }
                    try {
                        return method.invoke(em, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
