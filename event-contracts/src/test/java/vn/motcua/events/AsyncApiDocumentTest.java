package vn.motcua.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps the AsyncAPI document honest: every event record, every field, on its topic. */
class AsyncApiDocumentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryEventWithAllItsFields() throws Exception {
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("messages");
        for (Class<? extends Event> type : EventCatalog.ALL) {
            EventContract contract = EventCatalog.contractOf(type);
            assertThat(messages).as("AsyncAPI message for %s", contract.type()).containsKey(contract.type());
            Map<String, Object> message = (Map<String, Object>) messages.get(contract.type());
            assertThat((String) message.get("title")).contains("version " + contract.version());
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("properties");
            String[] fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
            assertThat(properties.keySet()).as("fields of %s", contract.type()).containsExactlyInAnyOrder(fields);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheValuesOfEveryEnumFieldAsTheContractDefinesThem() throws Exception {
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("messages");
        for (Class<? extends Event> type : EventCatalog.ALL) {
            Map<String, Object> message = (Map<String, Object>) messages.get(EventCatalog.contractOf(type).type());
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("properties");
            for (RecordComponent field : type.getRecordComponents()) {
                if (field.getType().isEnum()) {
                    List<Object> documented = new ArrayList<>((List<Object>) ((Map<String, Object>) properties.get(field.getName())).get("enum"));
                    documented.remove(null);
                    List<String> defined = Arrays.stream(field.getType().getEnumConstants()).map(Object::toString).toList();
                    assertThat(documented).as("values of %s.%s", type.getSimpleName(), field.getName())
                            .containsExactlyElementsOf(defined);
                }
            }
        }
    }

    @Test
    void everyOlderVersionRaisesItselfToTheCurrentOne() {
        for (Class<? extends Upcast<?>> older : EventCatalog.OLDER_VERSIONS) {
            EventContract contract = EventCatalog.contractOf(older);
            Class<? extends Event> current = EventCatalog.ALL.stream()
                    .filter(type -> EventCatalog.contractOf(type).type().equals(contract.type())).findFirst().orElseThrow();
            assertThat(EventCatalog.contractOf(current).version()).isGreaterThan(contract.version());
            assertThat(EventCatalog.recordFor(contract.type(), contract.version())).isEqualTo(older);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void putsEveryEventOnTheChannelOfItsTopic() throws Exception {
        Map<String, Object> channels = (Map<String, Object>) document().get("channels");
        for (Class<? extends Event> type : EventCatalog.ALL) {
            EventContract contract = EventCatalog.contractOf(type);
            Map<String, Object> channel = channels.values().stream()
                    .map(c -> (Map<String, Object>) c)
                    .filter(c -> contract.topic().equals(c.get("address")))
                    .findFirst().orElseThrow(() -> new AssertionError("no channel for topic " + contract.topic()));
            assertThat((Map<String, Object>) channel.get("messages")).containsKey(contract.type());
        }
    }

    @Test
    void declaresEveryTopic() throws Exception {
        String text = new String(AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml").readAllBytes());
        Topics.ALL.forEach(topic -> assertThat(text).contains("address: " + topic));
    }
}
