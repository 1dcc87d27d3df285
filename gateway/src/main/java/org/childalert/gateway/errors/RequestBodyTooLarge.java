package org.childalert.gateway.errors;

import java.io.IOException;

/** A request body grew past the gateway's limit while it was being read (a chunked body has no length up front). */
public final class RequestBodyTooLarge extends IOException {

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
