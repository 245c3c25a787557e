package io.ratelink.http.dashboard.access;

import io.ratelink.dashboard.access.Viewer;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The person a dashboard request comes from, once their session cookie has been checked. */
@RequestScoped
public class SignedIn {

    private Viewer viewer;

    public Optional<Viewer> viewer() {
        return Optional.ofNullable(viewer);
    }

    public void as(Viewer viewer) {
        this.viewer = viewer;
    }
}
