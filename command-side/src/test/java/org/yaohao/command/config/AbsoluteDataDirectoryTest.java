package org.yaohao.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteDataDirectoryTest {

    @Test
    void aDataDirectoryGivenRelativeIsReadAsAnAbsolutePath() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("command line",
                                                                        Map.of("yaohao.data-dir", "city-data")));

        new AbsoluteDataDirectory().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("yaohao.data-dir"))
                .isEqualTo(Path.of("city-data").toAbsolutePath().normalize().toString());
    }

    @Test
    void isRegisteredForEverySpringApplicationOfTheCommandSide() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
                .contains(AbsoluteDataDirectory.class.getName());
    }
}
