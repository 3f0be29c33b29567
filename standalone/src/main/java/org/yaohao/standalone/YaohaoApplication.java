package org.yaohao.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.yaohao.standalone.demo.DemoEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Yaohao in one JVM (port 8080): the command side and the query side together, events in an H2 file through Axon's
 * {@code JdbcEventStorageEngine}, query models in an in-process MongoDB wire-protocol server reached through the
 * real driver over loopback. Everything lives under {@code yaohao.data-dir} (default {@code ./data}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.yaohao.command", "org.yaohao.query", "org.yaohao.standalone"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.yaohao\\.(command|query)\\.boot\\..*"))
public class YaohaoApplication {

    /** Starts the demonstration mode (see README, "Demo mode"). */
    static final String DEMO_FLAG = "--demo";

    public static void main(String[] args) {
        if (args.length > 0 && VerifyDrawTool.COMMAND.equals(args[0])) { // the regulator's offline verification
            System.exit(VerifyDrawTool.run(args, System.out, System.err));
        }
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a registry system
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        SpringApplicationBuilder application = new SpringApplicationBuilder(YaohaoApplication.class);
        if (arguments.remove(DEMO_FLAG)) {
            // the demonstration: its own data directory unless one is given, the demo staff users, the population
            arguments.add("--yaohao.demo.enabled=true");
            boolean dataDirGiven = arguments.stream().anyMatch(a -> a.startsWith("--yaohao.data-dir="))
                                   || System.getenv("YAOHAO_DATA_DIR") != null
                                   || System.getProperty("yaohao.data-dir") != null;
            if (!dataDirGiven) {
                arguments.add("--yaohao.data-dir=./data-demo");
            }
            application.profiles("demo").listeners(new DemoEnvironment());
        }
        application.run(arguments.toArray(String[]::new));
    }
}
