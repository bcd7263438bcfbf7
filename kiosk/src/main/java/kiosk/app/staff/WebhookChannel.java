package kiosk.app.staff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs the call's JSON to an HTTP(S) address on the store network; anything but a 2xx answer is a failure. */
public final class WebhookChannel implements StaffChannel {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI address;
    private final HttpClient client;

    public WebhookChannel(URI address) {
        this.address = address;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(StaffMessage message) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.json())).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            throw new IOException(address + " did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(address + " answered HTTP " + response.statusCode());
        }
    }
}
