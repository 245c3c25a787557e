package io.ratelink.dashboard.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may sign in to the dashboard and what each person sees, decided afresh on every request: an address listed as an
 * admin sees everything; the manager of at least one agent sees the teams those agents have answered for; anyone else
 * may not sign in. So a manager whose last agent moves to another manager loses the dashboard at their next request.
 */
public final class Viewers {

    private final Set<String> admins;
    private final ManagedAgents managed;
    private final Function<Collection<String>, Set<String>> teamsOf;

    /**
     * @param admins  addresses that see every team
     * @param managed the agents table's index by manager
     * @param teamsOf the teams a set of agents have answered for (the scores' rosters)
     */
    public Viewers(Collection<String> admins, ManagedAgents managed, Function<Collection<String>, Set<String>> teamsOf) {
        this.admins = admins.stream().map(Viewers::normalized).filter(address -> !address.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.managed = managed;
        this.teamsOf = teamsOf;
    }

    /** An address as addresses are compared here: without surrounding blanks, in lower case. */
    public static String normalized(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isAdmin(String email) {
        return admins.contains(normalized(email));
    }

    /** Whether the address may sign in: an admin, or the manager of at least one agent. */
    public boolean maySignIn(String email) {
        return isAdmin(email) || managed.managesAnyone(normalized(email));
    }

    /** What the person signed in with this address sees; empty when they may no longer sign in. */
    public Optional<Viewer> viewerFor(String email) {
        if (isAdmin(email)) {
            return Optional.of(Viewer.admin(email));
        }
        Set<String> agents = managed.reportingTo(normalized(email));
        if (agents.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Viewer.manager(email, teamsOf.apply(agents)));
    }
}
