package io.ratelink.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything ratelink can be told, under {@code ratelink.*}. Dev mode has documented fixed values. */
@ConfigMapping(prefix = "ratelink")
public interface RatelinkConfig {

    /** The public address rating links start with, e.g. {@code https://rate.example.com}; links are {@code {base-url}/r/{token}}. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * The API keys the admin API accepts as {@code Authorization: Bearer <key>}. Several at once, for rotation.
     * Only the HTTP function uses them, and it refuses to start without them.
     */
    Optional<List<String>> apiKeys();

    /** The keys rating links are signed with. Only the HTTP function uses them, and it refuses to start without them. */
    Signing signing();

    /** Surveys: how long their links stay valid. */
    Survey survey();

    /** The thank-you page's comment box. */
    Comment comment();

    /** DynamoDB table names and housekeeping. */
    Tables tables();

    /** The helpdesk the tickets live in. */
    Helpdesk helpdesk();

    /** Escalation emails: who hears about a low rating, in which language, and how hard a send is tried. */
    Escalation escalation();

    /**
     * Telling people's clicks from mail scanners' ({@code docs/scanners.md}). The user agents and networks are data files
     * ({@code scanners/user-agents.txt}, {@code scanners/networks.txt}); the windows and thresholds are here.
     */
    Scanners scanners();

    /** The SQS client of the delay queue. */
    Sqs sqs();

    /** Dev mode's stand-ins for what AWS does in production. */
    Dev dev();

    /** How scores are derived from the answers. */
    Scores scores();

    /** How the recompute keeps the scores in step with the ratings. */
    RecomputeSettings recompute();

    /** The DynamoDB client beyond what {@code quarkus.dynamodb.*} configures. */
    DynamoDb dynamodb();

    /** The dashboard's sign-in by email and its sessions. */
    Dashboard dashboard();

    interface Signing {
        /** The key id that signs new links; it must be one of {@link #keys()}. */
        Optional<String> activeKid();

        /**
         * Key id to secret (its UTF-8 bytes are the HS256 key, at least 32 bytes). Every key listed verifies;
         * remove an old key once the links it signed have expired.
         */
        Map<String, String> keys();
    }

    interface Survey {
        /** How long a new survey's links record answers, unless the request says otherwise. */
        @WithDefault("30d")
        Duration defaultExpiry();

        /** The longest expiry a request may ask for. */
        @WithDefault("365d")
        Duration maxExpiry();
    }

    interface Comment {
        /** The longest comment accepted, in characters. */
        @WithDefault("2000")
        int maxLength();
    }

    interface Tables {
        /** The ratings table: one item per survey. */
        @WithDefault("ratelink-ratings")
        String ratings();

        /** The agents table: who manages whom. */
        @WithDefault("ratelink-agents")
        String agents();

        /** The scores table: histograms and rolled-up windows. */
        @WithDefault("ratelink-scores")
        String scores();

        /** The escalations table: one item per low-rating episode and per follow-up, sent or failed. */
        @WithDefault("ratelink-escalations")
        String escalations();

        /** The sign-ins table: one item per dashboard sign-in link spent, kept until the link would have expired. */
        @WithDefault("ratelink-signins")
        String signins();

        /**
         * Create missing tables at startup. On for the embedded engine in dev mode and tests; in AWS the
         * deployment creates them.
         */
        @WithDefault("false")
        boolean create();

        /** How long a rating is kept after its last change before DynamoDB's TTL removes it. */
        @WithDefault("1095d")
        Duration retention();
    }

    interface Helpdesk {
        /**
         * The address of a ticket in the helpdesk, {@code {ticketId}} standing for the URL-encoded ticket id, e.g.
         * {@code https://support.example.com/tickets/{ticketId}}. Without it, escalations name the ticket without
         * linking it.
         */
        Optional<String> ticketUrl();
    }

    interface Escalation {
        /**
         * Where an escalation goes when its agent has no manager on file or is not on file at all. Without it, such
         * an escalation is kept as failed until a manager is set ({@code PUT /v1/agents/{id}}) and it is replayed.
         */
        Optional<String> fallbackAddress();

        /** The language, as a BCP 47 tag, of escalations about an agent who is not on file. */
        @WithDefault("en")
        String fallbackLocale();

        /**
         * Low bands that replace the scale catalogue's, by scale name: {@code CSAT_5=1-1} narrows CSAT_5's band to
         * one star, {@code NPS=none} stops NPS ratings from escalating. In AWS the stream only wakes the notifier for
         * ratings stored as low by the catalogue's band, so a band can be narrowed here but not widened.
         */
        Map<String, String> lowBands();

        /**
         * How long a low rating must stay low and counted before its manager hears of it: corrections, a scanner's
         * sweep found a moment later, and a comment that follows all land inside it, and the email tells what stands
         * at its end. Never shorter than {@code ratelink.scanners.burst-window} outside dev mode and tests.
         */
        @WithDefault("2m")
        Duration settle();

        /** The most emails one survey may cause: the escalation and its follow-ups. */
        @WithDefault("3")
        int maxPerSurvey();

        /**
         * The most escalation emails one manager gets in an hour; more are kept as {@code held}, and the manager's
         * next email says how many. 0 for no limit.
         */
        @WithDefault("20")
        int maxPerManagerHour();

        /** The SQS queue the settle checks and replays wait in. Dev mode and tests use an embedded one. */
        Optional<String> queueUrl();

        /** How many times one send is tried before the escalation is kept as failed. */
        @WithDefault("4")
        int sendAttempts();

        /** The pause after the first failed try; it doubles after each further one. */
        @WithDefault("1s")
        Duration firstRetryDelay();

        /**
         * How long one try may wait for the SMTP server before it counts as failed. Every try and pause together
         * must end well inside the notify function's timeout.
         */
        @WithDefault("10s")
        Duration sendTimeout();

        /**
         * How long an email claimed by one invocation is left to it. A claim older than this is taken over by the
         * queue's redelivery, or, when its email had been handed to the SMTP server, reported as unknown; keep it
         * above the escalate function's timeout.
         */
        @WithDefault("5m")
        Duration claimTimeout();

        /** The time zone the times in escalation emails are shown in. */
        @WithDefault("UTC")
        ZoneId timeZone();

        /**
         * The domain part of the escalation emails' Message-IDs; the domain of {@code ratelink.smtp.from} when
         * absent.
         */
        Optional<String> messageIdDomain();
    }

    interface Scanners {
        /**
         * How long a burst holds a survey: clicks in the email on two different options less than the correction gap
         * apart are a burst (a scanner opens every link of a message within a second or two), and so is any click on
         * another option within this window of such a pair. Strong evidence, enough alone. A confirmation on the
         * page ends a burst.
         */
        @WithDefault("10s")
        Duration burstWindow();

        /**
         * The pace that tells a person from a sweep: a scanner opens every option within a fraction of a second, a
         * person going back to the email to click another option takes seconds. A click on another option at least
         * this long after the survey's latest click in the email, on an answer that counts, is a correction and
         * counts; a click on another option sooner than this is a burst. Must be shorter than the burst window.
         */
        @WithDefault("2s")
        Duration correctionGap();

        /**
         * A click sooner than this after the links were minted ({@code iat}, about when the email was sent) is weak
         * evidence of a scanner: most sweeps come 20–60 s after sending, a quarter within five minutes. People click
         * early too, so it holds a click only together with other weak evidence.
         */
        @WithDefault("5m")
        Duration soonAfterSending();

        /**
         * How many pieces of weak evidence (a click soon after sending, a browser years out of date, an address in a
         * mail filter's network) together hold a click. A scanner's or preview's user agent, no user agent, or a
         * burst hold it alone.
         */
        @WithDefault("2")
        int weakEvidenceToHold();

        /**
         * The capture function in AWS: proxies in front of API Gateway (e.g. CloudFront's address ranges), as CIDRs or
         * single addresses. A click whose {@code sourceIp} is one of them is judged by the nearest address in its
         * {@code X-Forwarded-For} that is not; without them, by API Gateway's {@code sourceIp}.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Sqs {
        /** Another SQS endpoint than AWS's, for a local engine; it is then called with fixed local credentials. */
        Optional<java.net.URI> endpointOverride();

        /** The region of the queue; the AWS default region chain when absent. */
        Optional<String> region();
    }

    interface Dev {
        /** Feeding the notifier from the embedded DynamoDB Local's stream, as AWS feeds it from the table's. */
        StreamPoller streamPoller();

        interface StreamPoller {
            /** Whether to poll the ratings table's stream and escalate from it. Only dev mode (and a test) turn it on. */
            @WithDefault("false")
            boolean enabled();

            /** The pause between two reads of the stream when it had nothing new. */
            @WithDefault("200ms")
            Duration interval();
        }

        /** Running the queued escalation work from the embedded queue, as the escalate function runs it in AWS. */
        QueueConsumer queueConsumer();

        interface QueueConsumer {
            /** Whether to consume the escalation queue in process. Only dev mode (and tests) turn it on. */
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Scores {
        /**
         * The fewest answers a number may come from without being flagged {@code lowSample}: it is still shown,
         * with its interval, but not as a solid number.
         */
        @WithDefault("30")
        int minimumSample();

        /** The weights of the customer happiness index (CHI); only their ratios matter. */
        HappinessIndexWeights chi();

        interface HappinessIndexWeights {
            /** Weight of the CSAT %, the share of positive answers on CSAT scales. */
            @WithDefault("0.4")
            double csat();

            /** Weight of the CES easy %, the share of "easy" answers on CES scales. */
            @WithDefault("0.3")
            double ces();

            /** Weight of the NPS, mapped from −100…+100 to 0–100. */
            @WithDefault("0.3")
            double nps();
        }
    }

    interface RecomputeSettings {
        /**
         * How far before its watermark each run reads changes again. It covers the change-time index trailing
         * the table (usually well under a second) and clocks that disagree; reading a change twice costs a read
         * and counts nothing twice.
         */
        @WithDefault("2m")
        Duration overlap();

        /**
         * How long a run holds the recompute lease. It must be longer than any run can last (the recompute
         * function's timeout), because a run whose lease ran out may be taken over. After a run that died, the
         * next one waits for its lease to run out.
         */
        @WithDefault("15m")
        Duration lease();

        /**
         * Dev mode only: run the incremental recompute this often, so the demo shows scores moving. Ignored in
         * every other launch mode, where the schedule (or {@code POST /v1/recompute}) runs it.
         */
        Optional<Duration> devInterval();

        /**
         * The recompute function's name or ARN. When set, {@code POST /v1/recompute} hands the run to that function
         * with an asynchronous invocation; without it, the run goes to a background thread of this process (dev mode
         * and tests).
         */
        Optional<String> function();
    }

    interface DynamoDb {
        /**
         * How many times one DynamoDB call is tried, the first included, before its failure is answered. Together
         * with {@code quarkus.dynamodb.api-call-timeout}, which bounds all tries of one call, it decides how long a
         * caller waits on a database that is slow or does not answer.
         */
        @WithDefault("3")
        int maxAttempts();
    }

    interface Dashboard {
        /**
         * Addresses that may sign in to the dashboard and see every team, compared without regard to case. Anyone
         * else who signs in is a manager of at least one agent in the agents table, and sees the teams of the agents
         * who report to them.
         */
        Optional<List<String>> admins();

        /** How long an emailed sign-in link works; it works once. */
        @WithDefault("15m")
        Duration linkLifetime();

        /** How long a session lasts after signing in; the person then signs in again. */
        @WithDefault("12h")
        Duration sessionLifetime();

        /**
         * Whether the session cookie is {@code Secure} (sent over HTTPS only). Off in dev mode and tests, which run on
         * plain HTTP.
         */
        @WithDefault("true")
        boolean secureCookie();

        /**
         * The keys sign-in links and session cookies are signed with, rotated as the rating links' keys are: the
         * active key signs, every key listed verifies. Only the HTTP function uses them, and it refuses to start
         * without them.
         */
        Signing signing();
    }
}
