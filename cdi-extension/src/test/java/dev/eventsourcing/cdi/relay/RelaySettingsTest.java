package dev.eventsourcing.cdi.relay;

import dev.eventsourcing.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelaySettingsTest {

    @Test
    void aDestinationAloneGivesTheDefaultFactoryAndPersistentDelivery() {
        List<RelaySettings> relays = read(Map.of("relay.Bank.destination", " java:/jms/queue/bank "), "Bank");

        assertEquals(List.of(new RelaySettings("Bank", "java:/jms/queue/bank", "java:comp/DefaultJMSConnectionFactory",
                true)), relays);
        assertEquals("BankRelay", relays.get(0).readerName());
        assertEquals("relay.Bank.connection-factory", relays.get(0).key(RelaySettings.CONNECTION_FACTORY));
    }

    @Test
    void eachApplicationHasARelayOfItsOwnWithItsOwnSettings() {
        List<RelaySettings> relays = read(Map.of(
                "relay.Bank.destination", "java:/jms/queue/bank",
                "relay.Transfers.destination", "java:/jms/topic/transfers",
                "relay.Transfers.connection-factory", "java:/JmsXA",
                "relay.Transfers.delivery-mode", "non-persistent",
                "projection.attempts", "3"), "Bank", "Transfers", "Shop");

        assertEquals(List.of(new RelaySettings("Bank", "java:/jms/queue/bank", RelaySettings.DEFAULT_FACTORY, true),
                new RelaySettings("Transfers", "java:/jms/topic/transfers", "java:/JmsXA", false)), relays);
    }

    @Test
    void aBlankDestinationTurnsNoRelayOn() {
        Map<String, String> values = Map.of("relay.Bank.destination", " ", "relay.Shop.destination", "java:/jms/queue/shop");
        Settings settings = key -> Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());

        assertEquals(List.of("ShopRelay"), RelaySettings.read(values.keySet(), settings, Set.of("Bank", "Shop")).stream()
                .map(RelaySettings::readerName).toList());
        assertEquals(List.of("ShopRelay"), RelaySettings.readerNames(values.keySet(), settings));
    }

    @Test
    void noRelayKeysMeanNoRelays() {
        assertEquals(List.of(), read(Map.of("projection.attempts", "3"), "Bank"));
    }

    private static List<RelaySettings> read(Map<String, String> values, String... applications) {
        Settings settings = key -> Optional.ofNullable(values.get(key));
        return RelaySettings.read(values.keySet(), settings, Set.of(applications));
    }
}
