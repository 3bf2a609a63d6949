package dev.eventsourcing.cdi.relay;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JNDI for tests, through the standard {@code java.naming.factory.initial} property: a naming
 * context whose {@code lookup(String)} answers from {@link #BOUND}, the way a server's JNDI tree
 * would answer the relay.
 */
public final class FakeNaming implements InitialContextFactory {

    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    /** Makes {@code new InitialContext()} use this factory, with these names bound. */
    static void use(Map<String, Object> bound) {
        BOUND.clear();
        BOUND.putAll(bound);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeNaming.class.getName());
    }

    /** Back to the JVM's default (none, in Java SE). */
    static void release() {
        BOUND.clear();
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(FakeNaming.class.getClassLoader(), new Class<?>[]{Context.class},
                (self, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object found = BOUND.get(String.valueOf(args[0]));
                        if (found == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield found;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException("The fake naming context does not do "
                            + method.getName());
                });
    }
}
