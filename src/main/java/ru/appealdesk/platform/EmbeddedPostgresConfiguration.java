package ru.appealdesk.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * With no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) the application starts its own PostgreSQL.
 * Otherwise Spring Boot's usual data source for that server is used and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgresProperties props) {
    EmbeddedPostgres pg = EmbeddedPostgresServer.acquire(props);
    HikariDataSource ds = new HikariDataSource() {
      @Override
      public void close() {
        if (!isClosed()) {
          super.close();
          EmbeddedPostgresServer.release(props);
        }
      }
    };
    ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
    ds.setUsername("postgres");
    ds.setPoolName("appealdesk-embedded");
    return ds;
  }
}
