package de.amtsweg.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client against the running test server: what another online service would do. */
public final class Http {

  public record Response(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;
  private final String bearerToken;

  public Http(int port) {
    this(port, null);
  }

  private Http(int port, String bearerToken) {
    this.port = port;
    this.bearerToken = bearerToken;
  }

  /** The same client sending {@code Authorization: Bearer <token>} (prod: OIDC access tokens) where no user is given. */
  public Http withBearer(String token) {
    return new Http(port, token);
  }

  public Response get(String path, String user) {
    return send(builder(path, user).GET().build());
  }

  public Response post(String path, String user, Object jsonBody) {
    return post(path, user, jsonBody, null);
  }

  public Response post(String path, String user, Object jsonBody, String idempotencyKey) {
    try {
      HttpRequest.Builder b = builder(path, user).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(jsonBody)));
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      return send(b.build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response postRaw(String path, String body, String headerName, String headerValue) {
    HttpRequest.Builder b = builder(path, null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headerName != null) {
      b.header(headerName, headerValue);
    }
    return send(b.build());
  }

  private HttpRequest.Builder builder(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    } else if (bearerToken != null) {
      b.header("Authorization", "Bearer " + bearerToken);
    }
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
