package dev.eventsourcing.application;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.persistence.AggregateRecorder;
import dev.eventsourcing.persistence.DecryptionException;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.SubjectKey;
import dev.eventsourcing.persistence.SubjectKeyRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-encrypts every stored event and snapshot of an application with the key its cipher
 * encrypts with now (the first of {@code cipher.keys}), and wraps its subjects' keys with it
 * again, so that older keys, and legacy states without a key id, can be retired after a key
 * rotation. Personal data stays encrypted with its subject's key, which only the wrapping of
 * changes; shredded subjects stay shredded.
 *
 * <p>It pages through each recorder in key order, {@linkplain #batchSize() a batch} at a time:
 * each batch is read, re-encrypted in memory (decrypted with whichever held key it needs, and
 * encrypted for the same event), and written back with
 * {@link AggregateRecorder#replaceStates} in a unit of work of its own; then the subject keys
 * likewise, each replaced only if it is still the one read
 * ({@link SubjectKeyRecorder#replaceWrappedKey}), so that a shredding meanwhile is kept. States already
 * encrypted with the current key are checked and left as they are, so a run that stopped
 * midway (a crash, a lost connection) is simply run again. The application may keep running
 * meanwhile, as long as every node already encrypts with the new key.
 *
 * <p>A state that cannot be decrypted (changed, moved to another event, or of a key no longer
 * held) is left untouched and counted in the {@link Report}, whose messages name the event but
 * no key and no bytes; the run goes on with the next. Recorder errors end the run.
 *
 * <p>In a container, call {@link #run()} outside a transaction (for example from a bean method
 * with {@code @TransactionAttribute(NOT_SUPPORTED)}), so that each batch commits on its own.
 * From the command line, see {@link ReencryptionCommand}.
 */
public final class Reencryption {

    /** The number of stored events re-encrypted in one unit of work unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The most failure messages a report keeps. */
    public static final int FAILURES_LISTED = 20;

    private static final Logger LOG = Logger.getLogger(Reencryption.class.getName());

    private final Mapper mapper;
    private final List<AggregateRecorder> recorders;
    private final int batchSize;

    /**
     * Re-encrypts the events of these recorders with this mapper's cipher.
     *
     * @param mapper    the application's mapper, bound to its name, with the keys to read and
     *                  the key to write, and the recorder of its subject keys when it keeps some
     * @param recorders the recorders of its events and snapshots
     * @param batchSize how many stored events one unit of work re-encrypts; at least 1
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     * @throws ConfigurationException when the mapper has no cipher
     */
    public Reencryption(Mapper mapper, List<? extends AggregateRecorder> recorders, int batchSize) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.recorders = List.copyOf(recorders);
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        if (mapper.cipher().isEmpty()) {
            throw new ConfigurationException("Application '" + mapper.applicationName()
                    + "' has no cipher, so there is nothing to re-encrypt with: set 'cipher.keys' (or 'cipher.key')");
        }
    }

    /**
     * Re-encrypts the application's events and snapshots, {@value #DEFAULT_BATCH_SIZE} at a time.
     *
     * @param application the application, open, with its cipher configured
     * @return a re-encryption ready to {@link #run()}
     * @throws ConfigurationException when the application has no cipher
     */
    public static Reencryption of(Application application) {
        return of(application, DEFAULT_BATCH_SIZE);
    }

    /**
     * Re-encrypts the application's events and its snapshots, taken or not by its current
     * settings, {@code batchSize} at a time.
     *
     * @param application the application, open, with its cipher configured
     * @param batchSize how many stored events one unit of work re-encrypts; at least 1
     * @return a re-encryption ready to {@link #run()}
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     * @throws ConfigurationException when the application has no cipher
     */
    public static Reencryption of(Application application, int batchSize) {
        return new Reencryption(application.mapper(),
                List.of(application.recorder(), application.factory().snapshotRecorder()), batchSize);
    }

    /** @return how many stored events one unit of work re-encrypts */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Re-encrypts every stored state that is not encrypted with the current key yet.
     *
     * @return how many states were examined, re-encrypted, and could not be
     * @throws dev.eventsourcing.persistence.RecorderException when reading or writing fails;
     *         the batches written before stay written, and a new run carries on
     */
    public Report run() {
        Tally tally = new Tally();
        for (AggregateRecorder recorder : recorders) {
            EventKey after = null;
            for (List<StoredEvent> page = recorder.selectAllEvents(null, batchSize); !page.isEmpty();
                 page = recorder.selectAllEvents(after, batchSize)) {
                reencrypt(recorder, page, tally);
                after = EventKey.of(page.get(page.size() - 1));
            }
        }
        mapper.subjectKeyRecorder().ifPresent(keys -> rewrap(keys, tally));
        Report report = tally.report();
        LOG.info(() -> "Re-encryption of application '" + mapper.applicationName() + "': " + report);
        return report;
    }

    private void rewrap(SubjectKeyRecorder keys, Tally tally) {
        UUID after = null;
        for (List<SubjectKey> page = keys.selectAll(null, batchSize); !page.isEmpty();
             page = keys.selectAll(after, batchSize)) {
            for (SubjectKey key : page) {
                tally.examined++;
                try {
                    SubjectKey again = mapper.reencrypt(key);
                    // Not replaced when shredded or replaced meanwhile: nothing is left to do then.
                    if (again != key && keys.replaceWrappedKey(key.subject(), key.wrappedKey(), again.wrappedKey())) {
                        tally.reencrypted++;
                    }
                } catch (DecryptionException e) {
                    tally.failed("Cannot wrap the key of subject " + key.subject() + " again: " + e.getMessage());
                }
            }
            after = page.get(page.size() - 1).subject();
        }
    }

    private void reencrypt(AggregateRecorder recorder, List<StoredEvent> page, Tally tally) {
        List<StoredEvent> changed = new ArrayList<>();
        for (StoredEvent event : page) {
            try {
                StoredEvent again = mapper.reencrypt(event);
                if (again != event) {
                    changed.add(again);
                }
            } catch (DecryptionException e) {
                tally.failed(e.getMessage());
            }
        }
        int replaced = changed.isEmpty() ? 0 : recorder.replaceStates(changed);
        tally.examined += page.size();
        tally.reencrypted += replaced;
        if (replaced < changed.size()) {
            // Only a store changed by something else meanwhile (a row deleted, a topic renamed) gets here.
            for (int i = replaced; i < changed.size(); i++) {
                tally.failed("A stored event of the batch ending at " + EventKey.of(page.get(page.size() - 1))
                        + " was no longer stored under its topic when its state was to be replaced");
            }
        }
        LOG.log(Level.FINE, () -> "Re-encrypted " + replaced + " of " + page.size() + " stored events");
    }

    private static final class Tally {
        long examined;
        long reencrypted;
        long failed;
        final List<String> failures = new ArrayList<>();

        void failed(String message) {
            failed++;
            if (failures.size() < FAILURES_LISTED) {
                failures.add(message);
            }
        }

        Report report() {
            return new Report(examined, reencrypted, failed, failures);
        }
    }

    /**
     * What a run did.
     *
     * @param examined      the stored events, snapshots and subject keys read
     * @param reencrypted   those written back encrypted (keys: wrapped) with the current key
     * @param failed        those that could not be re-encrypted, left as they were
     * @param firstFailures the messages of the first {@value #FAILURES_LISTED} failures, naming
     *                      the events
     */
    public record Report(long examined, long reencrypted, long failed, List<String> firstFailures) {

        /**
         * A report keeping a copy of the failure messages.
         *
         * @param examined      the stored events, snapshots and subject keys read
         * @param reencrypted   those written back with the current key
         * @param failed        those that could not be re-encrypted
         * @param firstFailures the messages of the first failures; not null
         */
        public Report {
            firstFailures = List.copyOf(firstFailures);
        }

        /** @return whether every stored state is now encrypted with the current key (nothing failed) */
        public boolean complete() {
            return failed == 0;
        }

        @Override
        public String toString() {
            return examined + " stored events, snapshots and subject keys examined, " + reencrypted + " re-encrypted, "
                    + (examined - reencrypted - failed) + " already current, " + failed + " failed";
        }
    }
}
