package vn.motcua.kit.health;

import java.time.Duration;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The database answers a {@code ping}: a command MongoDB and the MongoDB wire server both know
 * (Boot's own indicator sends {@code hello}, which the wire server refuses, so it reported DOWN
 * on a healthy local stack).
 */
public class MongoReachability extends Reachability {
    private final MongoTemplate mongo;

    public MongoReachability(MongoTemplate mongo, Duration timeout) {
        super(timeout);
        this.mongo = mongo;
    }

    @Override
    Object ask() {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        return "ping ok " + answer.get("ok");
    }

    @Override
    String what() {
        return "database";
    }
}
