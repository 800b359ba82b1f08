package dev.migrate.collect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Reads every response body completely inside the HTTP call, so that a connection reset, a
 * malformed chunk or random bytes then a close half-way through a body fail the attempt as an
 * {@link IOException}, which the SDK hands to the retry strategy. Read lazily by the SDK's XML
 * parsers instead, the same fault escapes as an {@link java.io.UncheckedIOException} past the
 * SDK's retry loop (seen with S3 ListBuckets) and the call fails on its first attempt. The
 * collector never streams objects: every answer is one page of a listing, at most a few MB.
 */
final class BufferedHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate;

  BufferedHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest inner = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        HttpExecuteResponse r = inner.call();
        if (r.responseBody().isEmpty()) {
          return r;
        }
        byte[] body;
        try (InputStream in = r.responseBody().get()) {
          body = in.readAllBytes();
        }
        return HttpExecuteResponse.builder().response(r.httpResponse())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
      }

      @Override
      public void abort() {
        inner.abort();
      }
    };
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
