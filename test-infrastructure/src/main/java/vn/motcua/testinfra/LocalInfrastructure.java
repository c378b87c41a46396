package vn.motcua.testinfra;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The real Kafka broker (KRaft) in this JVM, mongo-java-server in memory, GreenMail. */
final class LocalInfrastructure extends Infrastructure {
    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;

    private LocalInfrastructure(EmbeddedKafkaKraftBroker kafka, MongoServer mongo, InetSocketAddress mongoAddress,
            SmtpServer smtp) {
        super(smtp);
        this.kafka = kafka;
        this.mongo = mongo;
        this.mongoAddress = mongoAddress;
    }

    static LocalInfrastructure start() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new ConsistentMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        LocalInfrastructure infrastructure = new LocalInfrastructure(kafka, mongo, address, SmtpServer.start());
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
        return infrastructure;
    }

    private void stop() {
        stopSmtp();
        mongo.shutdownNow();
        kafka.destroy();
    }

    @Override
    public String name() {
        return "local (in-JVM Kafka KRaft broker, mongo-java-server, GreenMail)";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoAddress.getPort();
    }
}
