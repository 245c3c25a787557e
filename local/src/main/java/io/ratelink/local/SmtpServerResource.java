package io.ratelink.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts GreenMail on 127.0.0.1 and points the mail channel at it, plain SMTP without STARTTLS. */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private final Smtp smtp = new Smtp();

    @Override
    public Map<String, String> start() {
        smtp.start();
        return Map.of(
                "ratelink.smtp.mock", "false",
                "ratelink.smtp.host", "127.0.0.1",
                "ratelink.smtp.port", Integer.toString(smtp.port()),
                "ratelink.smtp.tls", "none");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp, new TestInjector.AnnotatedAndMatchesType(InjectSmtp.class, Smtp.class));
    }

    @Override
    public void stop() {
        if (smtp.isRunning()) {
            smtp.stop();
        }
    }
}
