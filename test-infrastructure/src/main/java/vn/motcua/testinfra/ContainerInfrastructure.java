package vn.motcua.testinfra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * MongoDB (a single-node replica set) and Apache Kafka (KRaft) as containers of their real
 * images, for hosts with a Docker engine. SMTP stays GreenMail, which needs no container.
 */
final class ContainerInfrastructure extends Infrastructure {
    static final String MONGO_IMAGE = "mongo:8.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(MongoDBContainer mongo, KafkaContainer kafka, SmtpServer smtp) {
        super(smtp);
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static ContainerInfrastructure start() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        mongo.start();
        kafka.start();
        return new ContainerInfrastructure(mongo, kafka, SmtpServer.start());
    }

    @Override
    public String name() {
        return "containers (" + MONGO_IMAGE + ", " + KAFKA_IMAGE + ", GreenMail)";
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }
}
