package ru.appealdesk.perf;

import java.util.UUID;
import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One node of a cluster of Appeal Desk instances on one database (Camunda 7's own cluster mode: every node runs the job
 * executor, jobs are shared through the database with optimistic locks). With {@code appealdesk.node.name} set
 * (env {@code APPEALDESK_NODE_NAME}), the node says who it is:
 * <ul>
 *   <li>the engine's host name (column {@code HOSTNAME_} of the job log, the metrics reporter) is the node name, so
 *       Cockpit's job log tells which node ran a job;</li>
 *   <li>the job executor locks jobs as {@code <name>-<random>} ({@code LOCK_OWNER_} of {@code ACT_RU_JOB}): which node
 *       holds which job is one query; the random part keeps two nodes of the same name apart;</li>
 *   <li>Tomcat appends {@code .<name>} to session ids (its {@code jvmRoute}), which the load balancer reads for sticky
 *       sessions of the Camunda webapps (src/main/docker/nginx.conf).</li>
 * </ul>
 * Without a name everything stays as Camunda and Tomcat default it (a single node).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterNode.Properties.class)
public class ClusterNode {

  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  /** @param name this node's name: letters, digits, '-' and '_' (e.g. {@code node1}); blank = a single node */
  @ConfigurationProperties("appealdesk.node")
  public record Properties(String name) {
    public Properties {
      if (name != null && !name.isBlank() && !name.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("appealdesk.node.name must be 1-40 letters, digits, '-' or '_'");
      }
      name = name == null || name.isBlank() ? null : name;
    }
  }

  @Bean
  static AbstractProcessEnginePlugin clusterNodeHostname(Properties node) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (node.name() != null) {
          configuration.setHostname(node.name());
        }
      }

      @Override
      public String toString() {
        return "ClusterNodeHostname";
      }
    };
  }

  @Bean
  static BeanPostProcessor clusterNodeLockOwner(org.springframework.core.env.Environment env) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        String name = env.getProperty("appealdesk.node.name");
        if (bean instanceof SpringJobExecutor jobExecutor && name != null && !name.isBlank()) {
          String owner = name + "-" + UUID.randomUUID().toString().substring(0, 8);
          jobExecutor.setLockOwner(owner);
          log.info("Cluster node {}: job executor locks jobs as {}", name, owner);
        }
        return bean;
      }
    };
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> clusterNodeJvmRoute(Properties node) {
    return factory -> {
      if (node.name() == null) {
        return;
      }
      factory.addContextLifecycleListeners(event -> {
        if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
          return;
        }
        Container c = (Container) event.getLifecycle();
        while (c != null && !(c instanceof Engine)) {
          c = c.getParent();
        }
        if (c instanceof Engine engine) {
          engine.setJvmRoute(node.name());
        }
      });
    };
  }
}
