package org.yaohao.command.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code yaohao.data-dir} an absolute path before anything reads it: H2 refuses a database file "implicitly
 * relative to the current working directory" ({@code --yaohao.data-dir=data} would stop the start with error 90011),
 * and every file under the directory is then named the same way in the log. Registered in
 * {@code META-INF/spring.factories}; runs after the command line and the properties files are read.
 */
public class AbsoluteDataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "yaohao.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty(PROPERTY);
        if (dataDir == null || dataDir.isBlank()) {
            return;
        }
        String absolute = Path.of(dataDir.trim()).toAbsolutePath().normalize().toString();
        if (!absolute.equals(dataDir)) {
            environment.getPropertySources().addFirst(new MapPropertySource("yaohao-absolute-data-dir",
                                                                            Map.of(PROPERTY, absolute)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config data (application.properties) is loaded
    }
}
