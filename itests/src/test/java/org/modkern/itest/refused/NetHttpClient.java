package org.modkern.itest.refused;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.modkern.libc.Libc;

/** Sends an HTTP request to a host port. The native format must refuse it before it runs (EscapeIT). */
public final class NetHttpClient {
    private NetHttpClient() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + argv[2] + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        return 0;
    }
}
