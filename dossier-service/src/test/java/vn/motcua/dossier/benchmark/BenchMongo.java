package vn.motcua.dossier.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The database a benchmark runs against: mongo-java-server in memory, or a real MongoDB when
 * MOTCUA_BENCH_MONGO_URI is set; a database of its own, dropped at the end. And the one way the
 * benchmarks time a query.
 */
public final class BenchMongo implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;

    private BenchMongo(MongoServer server, MongoClient client, String database) {
        this.server = server;
        this.client = client;
        this.mongo = template(client, database + "-" + System.nanoTime());
    }

    public static BenchMongo open(String database) {
        String uri = System.getenv("MOTCUA_BENCH_MONGO_URI");
        MongoServer server = null;
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        }
        return new BenchMongo(server, MongoClients.create(uri), database);
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    public String describe() {
        return server == null ? "MongoDB at MOTCUA_BENCH_MONGO_URI" : "mongo-java-server, memory backend";
    }

    /** Runs the query 3 times to warm up, then 10 times, and prints its result's size, median and max. */
    public static <T> void measure(String label, Supplier<T> query, ToLongFunction<T> size) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        int runs = 10;
        long[] millis = new long[runs];
        long result = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = size.applyAsLong(query.get());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-38s result %,9d  median %,5d ms  max %,5d ms%n", label, result, millis[runs / 2],
                millis[runs - 1]);
    }

    @Override
    public void close() {
        client.getDatabase(mongo.getDb().getName()).drop();
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    public static MongoTemplate template(MongoClient client, String database) {
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
        MongoCustomConversions conversions = MongoCustomConversions.create(c -> c.useNativeDriverJavaTimeCodecs());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }
}
