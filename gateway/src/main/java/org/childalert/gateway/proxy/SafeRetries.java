package org.childalert.gateway.proxy;

import java.io.IOException;
import java.net.SocketException;
import java.util.Set;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * When the gateway's HTTP client may send a request to a service a second time: only a GET, HEAD or OPTIONS,
 * only once, at once, and only when it failed on a pooled connection that had already carried an answer and was
 * closed by the service before any answer to this request came (the service cannot have acted on it).
 * A response is never a reason to send again: a 429 or 503 with {@code Retry-After} goes to the caller as it is.
 * (Apache HttpClient's default strategy re-sends any request, POST included, after sleeping for the
 * {@code Retry-After} of a 429 or 503.)
 */
final class SafeRetries implements HttpRequestRetryStrategy {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean retryRequest(HttpRequest request, IOException failure, int execCount, HttpContext context) {
        return execCount <= 1
                && SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))
                && closedBeforeAnswering(failure)
                && onReusedConnection(context);
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }

    private static boolean closedBeforeAnswering(IOException failure) {
        return failure instanceof NoHttpResponseException
                || failure instanceof ConnectionClosedException
                || (failure instanceof SocketException && !(failure instanceof java.net.ConnectException));
    }

    /** The connection had answered an earlier request: this is a stale pooled connection, not a new one. */
    private static boolean onReusedConnection(HttpContext context) {
        EndpointDetails endpoint = HttpClientContext.castOrCreate(context).getEndpointDetails();
        return endpoint != null && endpoint.getResponseCount() > 0;
    }
}
