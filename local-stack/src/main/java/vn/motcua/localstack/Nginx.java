package vn.motcua.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx as a plain reverse proxy in front of one service (kept-alive upstream connections,
 * no access log): the yardstick the gateway's cost is compared with in the load benchmark. The
 * project's {@code bin/ensure-nginx.sh} installs it where it is missing.
 */
final class Nginx {
    private Nginx() {
    }

    static ChildProcess start(StackConfig config, int port, int upstreamPort) {
        Path prefix = config.dataDir().resolve("nginx").toAbsolutePath();
        try {
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("temp"));
            Files.writeString(prefix.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 4096; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/temp/body;
                        proxy_temp_path %1$s/temp/proxy;
                        fastcgi_temp_path %1$s/temp/fastcgi;
                        uwsgi_temp_path %1$s/temp/uwsgi;
                        scgi_temp_path %1$s/temp/scgi;
                        upstream service { server 127.0.0.1:%3$d; keepalive 64; }
                        server {
                            listen 127.0.0.1:%2$d;
                            client_max_body_size 20m;
                            location / {
                                proxy_pass http://service;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $host;
                                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            }
                        }
                    }
                    """.formatted(prefix, port, upstreamPort));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write nginx's configuration in " + prefix, e);
        }
        return ChildProcess.start("nginx", List.of(binary(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString()),
                Map.of(), config.logDir());
    }

    private static String binary() {
        String named = System.getenv("MOTCUA_NGINX");
        if (named != null && !named.isBlank()) {
            return named;
        }
        // Debian installs it in /usr/sbin, which a non-root user's PATH often lacks.
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }
}
