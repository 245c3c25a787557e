package io.ratelink.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts GreenMail on 127.0.0.1 and points quarkus-mailer at it, plain SMTP without STARTTLS. */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private final Smtp smtp = new Smtp();

    @Override
    public Map<String, String> start() {
        smtp.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.start-tls", "DISABLED");
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
