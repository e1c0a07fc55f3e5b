package jp.otasuke.notify.notice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.common.outbound.OutboundUrlPolicy;

/**
 * A chat message through an incoming webhook. The body {@code {"text": …}} is what both Slack's and Microsoft
 * Teams' incoming webhooks take. The address passes the same outbound policy as insurers' webhooks (no
 * internal hosts), checked again at each post; a redirect is never followed.
 */
@ApplicationScoped
class Chats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutboundUrlPolicy urlPolicy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Chats(OutboundUrlPolicy urlPolicy) {
        this.urlPolicy = urlPolicy;
    }

    void post(String webhook, String subject, String text) throws Channels.NotSent {
        try {
            URI target = urlPolicy.check(webhook);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", "*" + subject + "*\n" + text))))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new Channels.NotSent("the chat answered HTTP " + status, null);
            }
        } catch (OutboundUrlPolicy.Refused e) {
            throw new Channels.NotSent("not posted: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new Channels.NotSent("the chat could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Channels.NotSent("interrupted", e);
        }
    }
}
