package vn.motcua.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB wire server in a process of its own (storage {@code OWN_PROCESS}), so that the fault
 * harness can kill it and start it again like any other component. Its H2 file is committed after
 * every write, before the answer goes back: a write the services were told succeeded survives a
 * {@code kill -9}, as an acknowledged write survives on a MongoDB replica set (H2 otherwise
 * commits about once a second and a kill loses the last second).
 */
public final class MongoWireServer {
    static final String NAME = "mongo";

    private MongoWireServer() {
    }

    /** Arguments: the port, the data file. */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        H2Backend h2 = backend(args[1]);
        MongoServer server = new MongoServer(new CountingBackend(h2, h2::commit));
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-server-stop"));
        System.out.println("MongoDB wire server listening on 127.0.0.1:" + port + ", data in " + args[1]);
        stopped.await();
    }

    /** The storage behind the server, in the given file. */
    static H2Backend backend(String file) {
        return new MongoLikeH2Backend(MVStore.open(file));
    }

    static ChildProcess start(StackConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + config.dataDir(), e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ChildProcess.start(NAME, List.of(java, "-Xms64m", "-Xmx768m", "-XX:+UseSerialGC", "-cp", config.launcherClasspath(),
                MongoWireServer.class.getName(), String.valueOf(config.ports().mongo()),
                config.dataDir().resolve("mongo.mv").toString()), Map.of(), config.logDir());
    }

    static boolean ready(StackConfig config) {
        return StackPorts.listening(config.ports().mongo());
    }
}
