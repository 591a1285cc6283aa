package ru.appealdesk.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request whose body a filter has read (and possibly changed) and hands on to the next one: the stream, the reader
 * (in the request's encoding, UTF-8 when it names none), the content length and the {@code Content-Length} header all
 * describe {@code body}.
 */
public final class RequestWithBody extends HttpServletRequestWrapper {

  private final byte[] body;

  public RequestWithBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getHeader(String name) {
    return "content-length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return "content-length".equalsIgnoreCase(name)
        ? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
  }
}
