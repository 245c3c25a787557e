package io.ratelink.rating.wiring;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.ClientClassifier;
import io.ratelink.rating.FilterNetworks;
import io.ratelink.rating.ScannerGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the scanner guard from its data files and configuration. */
@ApplicationScoped
public class ScannerBeans {

    @Produces
    @Singleton
    ScannerGuard scannerGuard(ClientClassifier clients, RatelinkConfig config) {
        RatelinkConfig.Scanners scanners = config.scanners();
        return new ScannerGuard(clients, FilterNetworks.fromClasspath(), new ScannerGuard.Rules(
                scanners.burstWindow(), scanners.correctionGap(), scanners.soonAfterSending(), scanners.weakEvidenceToHold()));
    }
}
