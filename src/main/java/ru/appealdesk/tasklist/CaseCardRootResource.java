package ru.appealdesk.tasklist;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * {@code /camunda/api/tasklist/plugin/appealdesk-case-card}: the plugin's static files ({@code /static/app/plugin.js},
 * served by the base class) and, per process engine, the card's REST resource. The webapp's security filter lets
 * {@code /api/tasklist/plugin/{plugin}/{engine}/…} through only for a user logged into that engine.
 */
@Path("plugin/" + CaseCardPlugin.ID)
public class CaseCardRootResource extends AbstractTasklistPluginRootResource {

  public CaseCardRootResource() {
    super(CaseCardPlugin.ID);
  }

  @Path("{engineName}")
  public CaseCardResource engine(@PathParam("engineName") String engineName) {
    return subResource(new CaseCardResource(engineName), engineName);
  }
}
