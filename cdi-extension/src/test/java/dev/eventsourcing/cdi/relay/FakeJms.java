package dev.eventsourcing.cdi.relay;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker in memory, as far as the relay uses one: a connection factory whose contexts make text
 * messages with properties and record what their producers send, and queues by name. Only the
 * methods the relay calls work; any other fails the test.
 */
final class FakeJms {

    /** A message as it was sent. */
    record Sent(String destination, String text, Map<String, Object> properties, int deliveryMode) {
        Object property(String name) {
            return properties.get(name);
        }
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger open = new AtomicInteger();
    private volatile int failuresToCome;
    private volatile int sendsBeforeFailure = -1;

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** After this many more sends succeed, the next one fails. */
    void failAfter(int sends) {
        sendsBeforeFailure = sends;
    }

    /** Forgets what was sent. */
    void clear() {
        sent.clear();
        failuresToCome = 0;
        sendsBeforeFailure = -1;
    }

    /** Contexts made and not closed. */
    int openContexts() {
        return open.get();
    }

    /** The next sends fail, as a broker that is down. */
    void failNext(int sends) {
        failuresToCome = sends;
    }

    ConnectionFactory connectionFactory() {
        return proxy(ConnectionFactory.class, (self, method, args) -> switch (method.getName()) {
            case "createContext" -> {
                open.incrementAndGet();
                yield context();
            }
            default -> throw unsupported(method.getName());
        });
    }

    static Queue queue(String name) {
        return proxy(Queue.class, (self, method, args) -> switch (method.getName()) {
            case "getQueueName", "toString" -> name;
            case "hashCode" -> name.hashCode();
            case "equals" -> self == args[0];
            default -> throw unsupported(method.getName());
        });
    }

    private JMSContext context() {
        return proxy(JMSContext.class, (self, method, args) -> switch (method.getName()) {
            case "createTextMessage" -> message(args == null ? null : (String) args[0]);
            case "createProducer" -> producer();
            case "close" -> {
                open.decrementAndGet();
                yield null;
            }
            default -> throw unsupported(method.getName());
        });
    }

    private JMSProducer producer() {
        int[] mode = {DeliveryMode.PERSISTENT};
        return proxy(JMSProducer.class, (self, method, args) -> switch (method.getName()) {
            case "setDeliveryMode" -> {
                mode[0] = (Integer) args[0];
                yield self;
            }
            case "send" -> {
                if (failuresToCome > 0 || sendsBeforeFailure == 0) {
                    failuresToCome = Math.max(0, failuresToCome - 1);
                    sendsBeforeFailure = -1;
                    throw new jakarta.jms.JMSRuntimeException("the broker is down");
                }
                if (sendsBeforeFailure > 0) {
                    sendsBeforeFailure--;
                }
                Destination destination = (Destination) args[0];
                TextMessage message = (TextMessage) args[1];
                sent.add(new Sent(destination.toString(), message.getText(), properties(message), mode[0]));
                yield self;
            }
            default -> throw unsupported(method.getName());
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(TextMessage message) throws Exception {
        return Map.copyOf((Map<String, Object>) message.getObjectProperty(PROPERTIES));
    }

    private static final String PROPERTIES = "all properties";

    private static TextMessage message(String text) {
        Map<String, Object> properties = new LinkedHashMap<>();
        return proxy(TextMessage.class, (self, method, args) -> {
            String name = method.getName();
            if (name.equals("getText")) {
                return text;
            }
            if (name.equals("getObjectProperty") && PROPERTIES.equals(args[0])) {
                return properties;
            }
            if (name.startsWith("set") && name.endsWith("Property")) {
                properties.put((String) args[0], args[1]);
                return null;
            }
            throw unsupported(name);
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FakeJms.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("The fake broker does not do " + method);
    }
}
