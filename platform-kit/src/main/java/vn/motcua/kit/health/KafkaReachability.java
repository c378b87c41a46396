package vn.motcua.kit.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/** The broker answers a cluster description with at least one node. One admin client, reused. */
public class KafkaReachability extends Reachability implements DisposableBean {
    private final KafkaAdmin settings;
    private final Duration timeout;
    private volatile Admin admin;

    public KafkaReachability(KafkaAdmin settings, Duration timeout) {
        super(timeout);
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    Object ask() throws Exception {
        int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        if (nodes == 0) {
            throw new IllegalStateException("no broker in the cluster");
        }
        return nodes + " node(s)";
    }

    @Override
    String what() {
        return "broker";
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(settings.getConfigurationProperties());
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
