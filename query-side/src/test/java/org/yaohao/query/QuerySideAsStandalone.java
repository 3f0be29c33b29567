package org.yaohao.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test application that wires the query side the way the standalone jar does: {@code org.yaohao.query} scanned
 * without {@code org.yaohao.query.boot}, Axon's and Spring Boot's auto-configuration, the in-process MongoDB server
 * ({@link InProcessMongo.Beans}). The annotated class adds the event store's engine and whatever else its test needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.yaohao.query",
               excludeFilters = {
                       @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                       @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.yaohao\\.query\\.boot\\..*")
               })
@Import(InProcessMongo.Beans.class)
public @interface QuerySideAsStandalone {
}
