package io.ratelink.dashboard.access;

import java.util.Set;

/** Which agents report to a manager, by the manager's address as the agents table keeps it. */
public interface ManagedAgents {

    /** The ids of the agents whose manager has this address (compared without regard to case); empty for none. */
    Set<String> reportingTo(String managerEmail);

    /** Whether at least one agent reports to this address. */
    boolean managesAnyone(String managerEmail);
}
