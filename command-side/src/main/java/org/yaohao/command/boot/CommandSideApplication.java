package org.yaohao.command.boot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side on its own (port 8081). Profile {@code axonserver} (the default): commands and events through Axon
 * Server, sagas, tokens and deadlines in a local H2 file. Profile {@code postgres}: Axon's JDBC event store on
 * PostgreSQL, shared with the query side, and sagas, tokens and deadlines in the same database. Settings in
 * {@code command-side.properties} and {@code command-side-<profile>.properties}.
 */
@SpringBootApplication(scanBasePackages = "org.yaohao.command")
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a registry system
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side", "spring.profiles.default=axonserver")
                .run(args);
    }
}
