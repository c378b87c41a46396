package vn.motcua.postal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PostalServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PostalServiceApplication.class, args);
    }
}
