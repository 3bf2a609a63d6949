package dev.eventsourcing.dcb.application;

import dev.eventsourcing.dcb.domain.EnduringObject;
import dev.eventsourcing.dcb.domain.Group;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The constructor of a group class that takes its members: one enduring object class per parameter. */
record GroupConstructor<G extends Group>(Constructor<G> constructor) {

    @SuppressWarnings("unchecked")
    static <G extends Group> GroupConstructor<G> of(Class<G> type, int members) {
        List<Constructor<?>> found = new ArrayList<>();
        for (Constructor<?> candidate : type.getDeclaredConstructors()) {
            if (candidate.getParameterCount() == members && Arrays.stream(candidate.getParameterTypes())
                    .allMatch(EnduringObject.class::isAssignableFrom)) {
                found.add(candidate);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("Group class " + type.getName() + " needs exactly one constructor taking "
                    + members + " enduring objects, one per id asked for, in that order; it has " + found.size());
        }
        Constructor<G> constructor = (Constructor<G>) found.get(0);
        constructor.setAccessible(true);
        return new GroupConstructor<>(constructor);
    }

    @SuppressWarnings("unchecked")
    List<Class<? extends EnduringObject>> memberTypes() {
        return Arrays.stream(constructor.getParameterTypes()).<Class<? extends EnduringObject>>map(
                type -> (Class<? extends EnduringObject>) type).toList();
    }

    G make(List<EnduringObject> members) {
        try {
            return constructor.newInstance(members.toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Constructor of " + constructor.getDeclaringClass().getName() + " failed",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct group " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
