package dev.eventsourcing.system;

import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbMapper;
import dev.eventsourcing.persistence.Notification;

import java.util.List;
import java.util.Objects;

/**
 * The positions of a DCB application as a log that a projection follows: every event of its
 * recorder in order of position, as a notification whose id is the position and whose topic is
 * the event's type, so that a reader follows it with the tracking, claims, parking, retries and
 * catch-up of any log. The notification's originator is the event's own id and its version the
 * one decisions are mapped under: a decision has no single originator, so none is parked behind
 * another. Its state carries the event's data with its tags and metadata ({@link DecisionEnvelope}),
 * so that decoding it gives the projection the whole stored event without reading it again, and
 * the application's mapper decodes it.
 */
record DecisionLog(DcbApplication application) implements FollowedLog {

    DecisionLog {
        Objects.requireNonNull(application, "application");
    }

    @Override
    public String name() {
        return application.name();
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public List<Notification> after(long position, int limit) {
        return application.recorder().read(DcbQuery.all(), position, limit).events().stream()
                .map(DecisionLog::notification).toList();
    }

    @Override
    public long end() {
        return application.recorder().head().orElse(0);
    }

    @Override
    public Decoded decode(Notification notification) {
        DcbSequencedEvent event = new DcbSequencedEvent(DecisionEnvelope.open(notification), notification.id());
        return Decoded.of(application.mapper().toDecision(event));
    }

    @Override
    public Class<?> eventType(String topic) {
        return application.mapper().mapper().eventType(topic);
    }

    private static Notification notification(DcbSequencedEvent sequenced) {
        DcbEvent event = sequenced.event();
        return new Notification(sequenced.position(), event.id(), DcbMapper.ORIGINATOR_VERSION, event.type(),
                DecisionEnvelope.seal(event));
    }
}
