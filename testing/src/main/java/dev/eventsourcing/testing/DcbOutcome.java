package dev.eventsourcing.testing;

import dev.eventsourcing.dcb.domain.Decision;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.TaggedDecision;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link DcbFixture}'s slice or command did: the decisions it triggered with their tags
 * (appended and read back already), or the exception it threw, and the perspective it ran on. Each
 * {@code then…} method checks one expectation, throws an {@link AssertionError} showing what was
 * expected and what happened when it is not met, and returns this outcome, so checks chain.
 *
 * @param <P> the type of the slice or enduring object
 */
public final class DcbOutcome<P extends Perspective> {

    private final P perspective;
    private final Exception thrown;
    private final List<TaggedDecision> decisions;

    private DcbOutcome(P perspective, Exception thrown, List<TaggedDecision> decisions) {
        this.perspective = perspective;
        this.thrown = thrown;
        this.decisions = List.copyOf(decisions);
    }

    static <P extends Perspective> DcbOutcome<P> succeeded(P perspective, List<TaggedDecision> decisions) {
        return new DcbOutcome<>(perspective, null, decisions);
    }

    static <P extends Perspective> DcbOutcome<P> failed(P perspective, Exception thrown) {
        return new DcbOutcome<>(perspective, thrown, List.of());
    }

    /**
     * Checks that exactly these decisions were triggered, in this order, with exactly these tags.
     *
     * @param expected the decisions with their tags
     * @return this outcome
     * @throws AssertionError when it threw, or triggered other decisions or tags
     */
    public DcbOutcome<P> then(TaggedDecision... expected) {
        List<TaggedDecision> wanted = List.of(expected);
        String expectation = "Expected these decisions:\n" + DecisionText.list(wanted);
        succeeded(expectation);
        if (!decisions.equals(wanted)) {
            throw new AssertionError(expectation + "\nbut it decided:\n" + DecisionText.list(decisions) + "\n"
                    + difference(wanted));
        }
        return this;
    }

    /**
     * Checks that exactly these decisions were triggered, in this order, whatever their tags.
     *
     * @param expected the decisions
     * @return this outcome
     * @throws AssertionError when it threw, or triggered other decisions
     */
    public DcbOutcome<P> thenDecisions(Decision... expected) {
        List<Object> wanted = List.of((Object[]) expected);
        String expectation = "Expected these decisions:\n" + Events.list(wanted);
        succeeded(expectation);
        List<Object> actual = decisions.stream().<Object>map(TaggedDecision::decision).toList();
        if (!actual.equals(wanted)) {
            throw new AssertionError(expectation + "\nbut it decided:\n" + DecisionText.list(decisions) + "\n"
                    + Differences.between(wanted, actual));
        }
        return this;
    }

    /**
     * Checks that one decision was triggered per matcher, in this order, each matching: for
     * decisions holding what a test cannot know, such as a new random id.
     *
     * @param matchers conditions on the decisions, e.g. {@link EventMatcher#of(Class, java.util.function.Predicate)}
     * @return this outcome
     * @throws AssertionError when it threw, triggered another number of decisions, or one does not match
     */
    public DcbOutcome<P> thenDecisionsMatch(EventMatcher<?>... matchers) {
        List<EventMatcher<?>> wanted = List.of(matchers);
        String expectation = "Expected decisions matching:\n" + Events.matchers(wanted);
        succeeded(expectation);
        String problem = decisions.size() != wanted.size()
                ? "it decided " + decisions.size() + (decisions.size() == 1 ? " decision" : " decisions") + ", not " + wanted.size()
                : null;
        for (int i = 0; problem == null && i < wanted.size(); i++) {
            if (!wanted.get(i).matches(decisions.get(i).decision())) {
                problem = "decision " + (i + 1) + " is not " + wanted.get(i).description();
            }
        }
        if (problem != null) {
            throw new AssertionError(expectation + "\nbut it decided:\n" + DecisionText.list(decisions) + "\n" + problem);
        }
        return this;
    }

    /**
     * Checks that it succeeded without triggering a decision.
     *
     * @return this outcome
     * @throws AssertionError when it threw or triggered decisions
     */
    public DcbOutcome<P> thenNoDecisions() {
        String expectation = "Expected no decision";
        succeeded(expectation);
        if (!decisions.isEmpty()) {
            throw new AssertionError(expectation + ", but it decided:\n" + DecisionText.list(decisions));
        }
        return this;
    }

    /**
     * Checks that it refused with an exception of the type (or a subtype).
     *
     * @param type the exception class expected
     * @return this outcome
     * @throws AssertionError when it succeeded or threw another exception
     */
    public DcbOutcome<P> thenThrows(Class<? extends Throwable> type) {
        Objects.requireNonNull(type, "type");
        String expectation = "Expected a refusal with " + type.getName();
        if (thrown == null) {
            throw new AssertionError(expectation + ", but it succeeded and decided:\n" + DecisionText.list(decisions));
        }
        if (!type.isInstance(thrown)) {
            throw new AssertionError(expectation + ", but it threw " + thrown, thrown);
        }
        return this;
    }

    /**
     * Checks that it refused with an exception of the type (or a subtype) with exactly this message.
     *
     * @param type    the exception class expected
     * @param message the message expected
     * @return this outcome
     * @throws AssertionError when it succeeded, threw another exception, or another message
     */
    public DcbOutcome<P> thenThrows(Class<? extends Throwable> type, String message) {
        thenThrows(type);
        if (!Objects.equals(message, thrown.getMessage())) {
            throw new AssertionError("Expected a refusal with " + type.getName() + " and the message:\n    " + message
                    + "\nbut its message was:\n    " + thrown.getMessage(), thrown);
        }
        return this;
    }

    /**
     * Runs checks on the slice or object as the command left it, e.g. JUnit assertions on its state.
     *
     * @param check the checks, which throw {@link AssertionError} when not met
     * @return this outcome
     * @throws AssertionError when a creation threw, so that there is no object, or a check fails
     */
    public DcbOutcome<P> thenState(Consumer<? super P> check) {
        Objects.requireNonNull(check, "check");
        check.accept(perspective());
        return this;
    }

    /**
     * The slice or enduring object the command ran on, or created.
     *
     * @return it, with the triggered decisions applied
     * @throws AssertionError when a creation threw, so that there is none
     */
    public P perspective() {
        if (perspective == null) {
            throw new AssertionError("There is no object: the creation threw " + thrown, thrown);
        }
        return perspective;
    }

    /** @return the decisions triggered, with their tags, oldest first; empty when it threw */
    public List<TaggedDecision> decisions() {
        return decisions;
    }

    /** @return the exception it threw, or {@code null} when it succeeded */
    public Exception thrown() {
        return thrown;
    }

    private String difference(List<TaggedDecision> wanted) {
        int common = Math.min(wanted.size(), decisions.size());
        for (int i = 0; i < common; i++) {
            TaggedDecision want = wanted.get(i);
            TaggedDecision got = decisions.get(i);
            if (!want.decision().equals(got.decision())) {
                return Differences.between(List.of(want.decision()), List.of(got.decision())).replace("event 1", "decision " + (i + 1));
            }
            if (!want.tags().equals(got.tags())) {
                return "First difference at decision " + (i + 1) + ": tags expected " + DecisionText.sorted(want.tags())
                        + " but were " + DecisionText.sorted(got.tags());
            }
        }
        return wanted.size() > decisions.size()
                ? "Missing from decision " + (common + 1) + ": " + DecisionText.describe(wanted.get(common))
                : "Unexpected from decision " + (common + 1) + ": " + DecisionText.describe(decisions.get(common));
    }

    private void succeeded(String expectation) {
        if (thrown != null) {
            throw new AssertionError(expectation + "\nbut it threw " + thrown, thrown);
        }
    }
}
