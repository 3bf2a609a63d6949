package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.persistence.MapperException;
import dev.eventsourcing.persistence.TopicRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the topics of a deployment's domain classes before anything starts: each must have a
 * usable topic, and no two may share one, since every mapper of the deployment knows them all
 * and a shared topic would read one class's events as the other's.
 */
final class Topics {

    private Topics() {
    }

    /** The problems with the topics of these classes; empty when every class has a topic of its own. */
    static List<String> problemsOf(Collection<Class<?>> domainClasses) {
        TopicRegistry names = new TopicRegistry();
        Map<String, Class<?>> byTopic = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> type : domainClasses) {
            String topic;
            try {
                topic = names.topicOf(type);
            } catch (MapperException e) {
                problems.add(Messages.unusableTopic(type, e.getMessage()));
                continue;
            }
            Class<?> other = byTopic.putIfAbsent(topic, type);
            if (other != null && other != type) {
                // In name order: the order classes are found in is not stable.
                boolean otherFirst = other.getName().compareTo(type.getName()) < 0;
                problems.add(Messages.duplicateTopic(topic, otherFirst ? other : type, otherFirst ? type : other));
            }
        }
        return problems;
    }
}
