package org.yaohao.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

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

    public static void main(String[] args) {
        if (args.length > 0 && VerifyDrawTool.COMMAND.equals(args[0])) { // the regulator's offline verification
            System.exit(VerifyDrawTool.run(args, System.out, System.err));
        }
        System.setProperty("axoniq.update-checker.disabled", "true"); // no calls home from a registry system
        new SpringApplicationBuilder(YaohaoApplication.class).run(args);
    }
}
