package ru.appealdesk.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.springframework.http.ContentDisposition;
import org.springframework.web.server.ResponseStatusException;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.NotFoundException;

/**
 * The case card's REST calls, under {@code /camunda/api/tasklist/plugin/appealdesk-case-card/{engine}/}:
 * <ul>
 *   <li>{@code GET task/{taskId}}: the card of the task's case (JSON);</li>
 *   <li>{@code GET case/{number}/documents/{id}}: a document of the case file (download);</li>
 *   <li>{@code POST case/{number}/documents?kind=ATTACHMENT}: a new document, the file as the request body with its
 *   {@code Content-Type} and its URL-encoded name in {@code X-File-Name} (the webapp's CSRF header required).</li>
 * </ul>
 * The caller is the user of the Tasklist session: the webapp authenticates the request and sets the engine's
 * authentication for it, which {@link #viewer()} reads; {@link CaseCards} asks {@code CaseAccess} for every case.
 * Errors are {@code application/problem+json} with a Russian {@code detail}.
 */
public class CaseCardResource extends AbstractTasklistPluginResource {

  static final String FILE_NAME_HEADER = "X-File-Name";
  private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json;charset=UTF-8");
  private static final MediaType JSON = MediaType.valueOf("application/json;charset=UTF-8");
  /** A little above the case file's own limit, so the case file answers with its 413 and the limit it has. */
  private static final int BODY_LIMIT = 64 * 1024 * 1024;

  public CaseCardResource(String engineName) {
    super(engineName);
  }

  @GET
  @Path("task/{taskId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response cardOfTask(@PathParam("taskId") String taskId) {
    return answer(() -> json(CaseCardBeans.cards().cardOfTask(viewer(), taskId)));
  }

  @GET
  @Path("case/{number}/documents/{id}")
  public Response download(@PathParam("number") String number, @PathParam("id") long id) {
    return answer(() -> {
      CaseCards.Download d = CaseCardBeans.cards().download(viewer(), number, id);
      return Response.ok(d.content(), MediaType.valueOf(d.contentType()))
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
          .header("X-Content-SHA256", d.sha256())
          .build();
    });
  }

  @POST
  @Path("case/{number}/documents")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(@PathParam("number") String number, @QueryParam("kind") String kind,
      @HeaderParam(FILE_NAME_HEADER) String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    return answer(() -> {
      CaseCards.Document stored = CaseCardBeans.cards().upload(viewer(), number, kind,
          fileName == null ? null : URLDecoder.decode(fileName, StandardCharsets.UTF_8), contentType, read(body));
      return Response.status(Response.Status.CREATED).entity(json(stored).getEntity()).type(JSON).build();
    });
  }

  /** The Tasklist user of this request (the engine authentication the webapp set), or null. */
  private CaseCards.Viewer viewer() {
    var auth = getProcessEngine().getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return null;
    }
    return new CaseCards.Viewer(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds(),
        auth.getTenantIds() == null ? List.of() : auth.getTenantIds());
  }

  private Response answer(Supplier<Response> call) {
    try {
      if (viewer() == null) {
        return problem(Response.Status.UNAUTHORIZED, "Войдите в Tasklist", null);
      }
      return call.get();
    } catch (NotFoundException e) {
      return problem(Response.Status.NOT_FOUND, e.getMessage(), null);
    } catch (BadRequestException e) {
      return problem(Response.Status.BAD_REQUEST, e.problems().get(0).message(), e.problems());
    } catch (ResponseStatusException e) {
      Response.Status status = Response.Status.fromStatusCode(e.getStatusCode().value());
      return problem(status == null ? Response.Status.BAD_REQUEST : status, e.getReason(), null);
    }
  }

  private static Response json(Object value) {
    try {
      return Response.ok(CaseCardBeans.json().writeValueAsString(value), JSON).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response problem(Response.Status status, String detail, List<BadRequestException.FieldProblem> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.getStatusCode());
    body.put("detail", detail);
    if (errors != null) {
      body.put("errors", errors);
    }
    try {
      return Response.status(status).type(PROBLEM).entity(CaseCardBeans.json().writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(InputStream body) {
    try {
      return body == null ? new byte[0] : body.readNBytes(BODY_LIMIT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
