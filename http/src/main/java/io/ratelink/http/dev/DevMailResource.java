package io.ratelink.http.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.delivery.mail.Email;
import io.ratelink.delivery.mail.SentEmail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /dev/mail}: the mail the application has sent, as a page or, with {@code Accept: application/json}, as
 * JSON; {@code GET /dev/mail/{n}} shows the HTML body of the n-th newest. Built into dev mode and tests only.
 */
@Path("/dev/mail")
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevMailResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<MailView> mails);
    }

    /**
     * A sent mail as the page and the JSON show it.
     *
     * @param index      its place, newest first, for {@code GET /dev/mail/{index}}
     * @param headers    the headers the application set (Message-ID, In-Reply-To, References …)
     */
    public record MailView(int index, Instant sentAt, String from, List<String> to, String subject,
            Map<String, List<String>> headers, String text, String html) {
    }

    private final SentMailLog log;

    public DevMailResource(SentMailLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<MailView> json() {
        return views();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.page(views());
    }

    @GET
    @Path("/{index}")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@PathParam("index") int index) {
        List<MailView> mails = views();
        if (index < 0 || index >= mails.size() || mails.get(index).html() == null) {
            return Response.status(Response.Status.NOT_FOUND).entity("No such mail").type(MediaType.TEXT_PLAIN).build();
        }
        return Response.ok(mails.get(index).html()).build();
    }

    private List<MailView> views() {
        List<SentMailLog.Entry> entries = log.newestFirst();
        return java.util.stream.IntStream.range(0, entries.size()).mapToObj(index -> {
            SentEmail sent = entries.get(index).mail();
            Email mail = sent.email();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            mail.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            return new MailView(index, entries.get(index).at(), sent.from(), List.of(mail.to()), mail.subject(), headers,
                    mail.text(), mail.html());
        }).toList();
    }
}
