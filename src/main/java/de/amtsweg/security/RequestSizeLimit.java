package de.amtsweg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies of the JSON API before anyone reads them: the payment callback is tiny and
 * open to the internet, an application with its base64 files has a known maximum. A declared
 * length over the cap gets 413 at once; a chunked body is cut off when it passes the cap.
 * (Multipart forms are capped by {@code spring.servlet.multipart.*}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

  static final long CALLBACK_BYTES = 16 * 1024;
  static final long API_BYTES = 40L * 1024 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = request.getRequestURI().endsWith("/api/payments/callback") ? CALLBACK_BYTES : API_BYTES;
    if (request.getContentLengthLong() > limit) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(new Capped(request, limit), response);
  }

  /** Counts what is read and fails past the cap (for bodies without a declared length). */
  static final class Capped extends HttpServletRequestWrapper {

    private final long limit;

    Capped(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long count;

        private void add(long n) throws IOException {
          count += Math.max(n, 0);
          if (count > limit) {
            throw new PayloadTooLargeException(limit);
          }
        }

        @Override
        public int read() throws IOException {
          int b = in.read();
          add(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          add(n);
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }

  /** Thrown while reading a body past the cap; answered with 413. */
  public static final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }
}
