package io.ratelink.http.dashboard.access;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.NextPath;
import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SignIn.LinkState;
import io.ratelink.survey.Messages;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Signing in to the dashboard by email. {@code GET /dashboard/sign-in} is the form; {@code POST} asks for a link and
 * is answered the same whether or not the address may sign in. The emailed link's {@code GET} only shows a button (mail
 * scanners open links); its {@code POST} spends the link and sets the session cookie. {@code POST /dashboard/sign-out}
 * clears it.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class);

    private final SignIn signIn;
    private final SessionCookies cookies;

    public SignInResource(SignIn signIn, RatelinkConfig config) {
        this.signIn = signIn;
        this.cookies = new SessionCookies(config.dashboard().secureCookie(), config.dashboard().sessionLifetime());
    }

    @GET
    @Path("/sign-in")
    public Response form(@QueryParam("lang") String lang, @QueryParam("next") String next,
            @Context HttpHeaders headers) {
        return SignInPages.form(Response.Status.OK, PageLanguage.of(lang, headers), NextPath.of(next), "", "");
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestLink(@FormParam("email") String email, @FormParam("lang") String lang,
            @FormParam("next") String next, @Context HttpHeaders headers) {
        Messages msg = PageLanguage.of(lang, headers);
        Optional<String> nextPath = NextPath.of(next);
        String address = email == null ? "" : email.strip();
        if (!SignIn.isAddress(address)) {
            return SignInPages.form(Response.Status.BAD_REQUEST, msg, nextPath, address.length() > 254 ? "" : address,
                    msg.get("dashboard.signin.badEmail"));
        }
        signIn.request(address, msg.languageTag(), nextPath);
        return SignInPages.sent(msg, nextPath, signIn.linkLifetime());
    }

    @GET
    @Path("/sign-in/{token}")
    public Response linkPage(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = signIn.inspect(token);
        if (state instanceof LinkState.Usable usable) {
            return SignInPages.confirm(Messages.forTag(usable.link().language()), usable.link().email());
        }
        return refused(state, PageLanguage.of(lang, headers));
    }

    @POST
    @Path("/sign-in/{token}")
    public Response useLink(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = signIn.use(token);
        if (state instanceof LinkState.SignedIn signedIn) {
            LOG.infof("Dashboard sign-in with link %s", signedIn.link().linkId());
            return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION,
                            signedIn.link().next().orElse(NextPath.DASHBOARD))
                    .cookie(cookies.open(signedIn.sessionToken())).build();
        }
        return refused(state, PageLanguage.of(lang, headers));
    }

    @POST
    @Path("/sign-out")
    public Response signOut() {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, SignInPages.SIGN_IN)
                .cookie(cookies.cleared()).build();
    }

    private Response refused(LinkState state, Messages fallback) {
        long minutes = signIn.linkLifetime().toMinutes();
        if (state instanceof LinkState.Expired expired) {
            Messages msg = Messages.forTag(expired.link().language());
            return SignInPages.problem(Response.Status.GONE, msg, "dashboard.signin.expired.title",
                    msg.get("dashboard.signin.expired.body", minutes), expired.link().next());
        }
        if (state instanceof LinkState.Used used) {
            Messages msg = Messages.forTag(used.link().language());
            return SignInPages.problem(Response.Status.GONE, msg, "dashboard.signin.used.title",
                    msg.get("dashboard.signin.used.body"), used.link().next());
        }
        return SignInPages.problem(Response.Status.BAD_REQUEST, fallback, "dashboard.signin.invalid.title",
                fallback.get("dashboard.signin.invalid.body"), Optional.empty());
    }
}
