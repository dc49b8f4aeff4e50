package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.ApiException;
import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.AzureSupport;
import dev.pcx.api.Json;
import dev.pcx.api.OutcomeUnknownException;
import dev.pcx.api.TransportException;
import dev.pcx.api.model.SupportResource;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.TenantTokens;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.TenantSignIn;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A customer's Azure support tickets through the Azure Support API (partner-center-api.md §6.2;
 * global only, a person's credentials): the customer's tenant's ARM token and the partner's, the
 * channel's refusals said with what to do, and every write sent so that it happens once. A ticket
 * filed with a key has a name derived from the key, read before it is filed and again before any
 * retry after a lost answer; a lost answer is never taken for "not filed".
 */
final class AzureSupportDesk {
    /** Attempts at one write whose answers are lost while the resource does not show it. */
    private static final int WRITE_ATTEMPTS = 3;

    private final Context context;
    private final String customerText;
    private final String subscription;
    private String tenantId;
    private AzureSupport api;

    AzureSupportDesk(Context context, String customerText, String subscription) {
        this.context = context;
        this.customerText = customerText;
        this.subscription = AzureOptions.subscription(subscription);
    }

    String subscription() {
        return subscription;
    }

    /** Stops before any call where the channel cannot be used: 21Vianet, no customer, no person, no tenant tokens. */
    AzureSupport open(String what) {
        if (api != null) {
            return api;
        }
        if (!context.connection().cloud().azureSupport()) {
            throw new CliException(ExitCode.REFUSED, "Azure operated by 21Vianet has no Azure Support API: its "
                    + "tickets are filed and followed in the Azure portal operated by 21Vianet (support.azure.cn); '"
                    + context.pcx("tickets create") + "' without --azure-subscription prepares one for you to submit");
        }
        if (customerText == null || customerText.isBlank()) {
            throw CliException.usage(what + " needs the customer whose subscription it is: add -c CUSTOMER");
        }
        context.requireAppUser("Azure support tickets (ARM tokens issued by the customer's tenant and by yours)");
        Credentials.Source source = context.connection().credentials();
        if (!(source.tokens() instanceof TenantTokens tokens)) {
            throw new AuthenticationException("Azure support tickets need Azure Resource Manager tokens issued by the "
                    + "customer's tenant and by yours, and pcx cannot get them from " + source.description()
                    + " (a token for one audience, in one tenant)", "sign in with '" + context.pcx("auth login") + "' or set "
                    + "PCX_REFRESH_TOKEN (with PCX_CLIENT_ID and PCX_TENANT_ID) instead of PCX_ACCESS_TOKEN");
        }
        ApiSettings settings = context.settings(context.armEndpoint());
        String tenant = tenantId();
        api = new AzureSupport(settings, context.http(settings.baseUrl()), tokens.arm(tenant), tokens.arm(null), AzureSupport.DEFAULT_WAIT,
                context::say);
        return api;
    }

    String tenantId() {
        if (tenantId == null) {
            tenantId = new CustomerResolver(context).tenantId(customerText);
        }
        return tenantId;
    }

    /** The name a ticket filed with {@code key} has: the same for the same key, customer and subscription. */
    static String nameFor(String key, String tenantId, String subscription) {
        return UUID.nameUUIDFromBytes(("pcx-key|" + key + "|" + tenantId.toLowerCase(Locale.ROOT) + "|"
                + subscription.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What {@link #create} did: the ticket, and whether it was there already (filed by an earlier run). */
    record Filed(SupportResource ticket, boolean existed) {
    }

    /**
     * Files the ticket {@code body} builds, once. With a key, a ticket already filed for it is
     * returned as it is ({@code existed}).
     */
    Filed create(String key, java.util.function.BiFunction<AzureSupport, String, ObjectNode> body) {
        AzureSupport a = open("filing an Azure support ticket");
        String name = key != null ? nameFor(key, tenantId(), subscription) : UUID.randomUUID().toString();
        return call(() -> {
            if (key != null) {
                SupportResource earlier = a.ticket(subscription, name);
                if (earlier != null) {
                    return new Filed(earlier, true);
                }
            }
            ObjectNode b = body.apply(a, key);
            String check = checkWith(name);
            for (int attempt = 1; ; attempt++) {
                try {
                    return new Filed(a.create(subscription, name, b), false);
                } catch (OutcomeUnknownException unknown) {
                    // Azure accepted it (a 202) and may still be filing it: never sent again
                    throw new OutcomeUnknownException(unknown.getMessage(), unknown.target(), unknown, check
                            + (key == null ? "" : "; a rerun with the same --key files nothing"));
                } catch (dev.pcx.api.CancelledException interrupted) {
                    context.say("interrupted while filing ticket " + name + ": it may have been filed; " + check);
                    throw interrupted;
                } catch (TransportException lost) {
                    SupportResource now = readBack(a, name, lost, "filing ticket " + name);
                    if (now != null) {
                        context.say("the answer to filing ticket " + name + " was lost; the ticket is there: filed once");
                        return new Filed(now, false);
                    }
                    if (attempt >= WRITE_ATTEMPTS) {
                        throw new TransportException("the answers to filing ticket " + name + " were lost "
                                + attempt + " times (" + lost.getMessage() + "), and the ticket is not there: it was "
                                + "not filed", lost.target(), lost, "run the command again" + (key == null ? "" : " with "
                                + "the same --key (it is never filed twice)"));
                    }
                    context.say("the answer to filing ticket " + name + " was lost (" + lost.getMessage()
                            + ") and the ticket is not there; filing it again under the same name");
                } catch (ApiException e) {
                    // the name is ours (derived from the key, or a fresh one already sent once): taken means
                    // filed, by this run's lost attempt or by another run with the key, or being filed
                    if (e.status() == 409 && (key != null || attempt > 1)) {
                        SupportResource now = a.ticket(subscription, name);
                        if (now != null) {
                            context.say(key != null && attempt == 1
                                    ? "ticket " + name + " was filed meanwhile for key " + key + " (another run)"
                                    : "ticket " + name + " is there: filed once");
                            return new Filed(now, attempt == 1);
                        }
                        throw new OutcomeUnknownException("Azure says ticket " + name + " exists but does not show it "
                                + "yet: it is being filed", e.path(), e, check);
                    }
                    throw e;
                }
            }
        });
    }

    /** The ticket filed for {@code key} on this subscription, or null when none was. */
    SupportResource filedFor(String key) {
        AzureSupport a = open("filing an Azure support ticket");
        return call(() -> a.ticket(subscription, nameFor(key, tenantId(), subscription)));
    }

    /** The ticket named {@code id}, or the one whose number ({@code supportTicketId}) it is. */
    SupportResource get(String id) {
        AzureSupport a = open("showing an Azure support ticket");
        return call(() -> {
            SupportResource t = a.ticket(subscription, id);
            if (t == null && id.matches("\\d+")) {
                List<SupportResource> found = new ArrayList<>();
                a.tickets(subscription, null, 100).forEach(-1, s -> {
                    if (id.equals(s.text("supportTicketId"))) {
                        found.add(s);
                    }
                });
                t = found.isEmpty() ? null : found.get(0);
            }
            if (t == null) {
                throw CliException.notFound("subscription " + subscription + " has no Azure support ticket " + id
                        + " (see them with: " + context.pcx("tickets list -c " + customerText + " --azure-subscription "
                        + subscription) + ")");
            }
            return t;
        });
    }

    List<SupportResource> list(String status) {
        AzureSupport a = open("listing Azure support tickets");
        return call(() -> {
            List<SupportResource> out = new ArrayList<>();
            a.tickets(subscription, status == null ? null : "status eq '" + status + "'", 100).forEach(-1, out::add);
            return out;
        });
    }

    List<SupportResource> communications(String name) {
        AzureSupport a = open("reading a ticket's communications");
        return call(() -> {
            List<SupportResource> out = new ArrayList<>();
            a.communications(subscription, name).forEach(-1, out::add);
            return out;
        });
    }

    /** Adds a note (a communication) once; the ticket afterwards. */
    SupportResource note(String id, String text) {
        AzureSupport a = open("a note");
        SupportResource ticket = get(id);
        String name = ticket.name();
        String comm = UUID.randomUUID().toString();
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode p = body.putObject("properties");
        String first = text.strip().lines().findFirst().orElse("Note");
        p.put("subject", first.length() > 100 ? first.substring(0, 97) + "..." : first);
        p.put("body", text.strip());
        return call(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    a.addCommunication(subscription, name, comm, body);
                    return a.ticket(subscription, name);
                } catch (OutcomeUnknownException unknown) {
                    throw new OutcomeUnknownException(unknown.getMessage(), unknown.target(), unknown, checkWith(name));
                } catch (dev.pcx.api.CancelledException interrupted) {
                    context.say("interrupted while adding the note: it may have been added; " + checkWith(name));
                    throw interrupted;
                } catch (TransportException lost) {
                    SupportResource now = readBack(() -> a.communication(subscription, name, comm), lost,
                            "the note on " + name, name);
                    if (now != null) {
                        context.say("the answer to the note was lost; the ticket shows it added");
                        return a.ticket(subscription, name);
                    }
                    if (attempt >= WRITE_ATTEMPTS) {
                        throw new TransportException("the answers to the note on " + name + " were lost, and the "
                                + "ticket does not show it: it was not added", lost.target(), lost, "run the command again");
                    }
                    context.say("the answer to the note was lost and the ticket does not show it; sending it again "
                            + "under the same name");
                }
            }
        });
    }

    /** Closes the ticket; null when it was closed already (nothing is sent). */
    SupportResource close(String id) {
        AzureSupport a = open("closing an Azure support ticket");
        SupportResource before = get(id);
        if (before.closed()) {
            return null;
        }
        String name = before.name();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "closed");
        return call(() -> {
            try {
                return a.update(subscription, name, body);
            } catch (TransportException lost) {
                if (lost instanceof OutcomeUnknownException || lost instanceof dev.pcx.api.CancelledException) {
                    throw lost; // closing twice is harmless, but an interrupt is the person's: exit 130
                }
                SupportResource now = readBack(a, name, lost, "closing " + name);
                if (now != null && now.closed()) {
                    context.say("the answer to closing " + name + " was lost; the ticket shows it closed");
                    return now;
                }
                throw new TransportException("the answer to closing ticket " + name + " was lost (" + lost.getMessage()
                        + "), and the ticket is still " + (now == null ? "unknown" : now.text("status"))
                        + ": it was not closed (or not yet)", lost.target(), lost, "run the command again");
            }
        });
    }

    private SupportResource readBack(AzureSupport a, String name, TransportException lost, String what) {
        return readBack(() -> a.ticket(subscription, name), lost, what, name);
    }

    private SupportResource readBack(Supplier<SupportResource> read, TransportException lost, String what, String name) {
        try {
            return read.get();
        } catch (RuntimeException unreadable) {
            throw new OutcomeUnknownException("the answer to " + what + " was lost (" + lost.getMessage()
                    + "), and the ticket could not be read again: it may or may not have been done", lost.target(), lost,
                    checkWith(name));
        }
    }

    /** The fix of an unknown outcome: the command that shows ticket {@code name} as this command line runs pcx. */
    private String checkWith(String name) {
        return "check with: " + context.pcx("tickets show " + name + " -c " + customerText + " --azure-subscription "
                + subscription);
    }

    /** Runs calls of the channel, turning its refusals into one line with what to do. */
    <T> T call(Supplier<T> calls) {
        try {
            return calls.get();
        } catch (SignInException e) {
            throw new TenantSignIn("the customer's tenant", "the customer", "Azure Resource Manager",
                    "for Azure Service Management", "with an Azure role").explain(e, context.pcx("auth login"));
        } catch (AuthenticationException e) {
            throw rejected(e);
        } catch (ApiException e) {
            throw explain(e);
        }
    }

    /** ARM rejected the tokens (401): which tenant must have issued each, and who must sign in. */
    private RuntimeException rejected(AuthenticationException e) {
        if (!(e.getCause() instanceof ApiException arm)) {
            return e; // not ARM's answer: no token at all, said by the credentials
        }
        String said = arm.description() == null ? "" : arm.description().toLowerCase(Locale.ROOT);
        if ("InvalidAuthenticationTokenTenant".equalsIgnoreCase(arm.faultCode())
                && said.contains("access token is from the wrong issuer") && !said.contains("auxiliary")) {
            // the customer's token is right for the customer: the subscription is another tenant's
            return CliException.notFound("subscription " + subscription + " does not belong to the customer's tenant ("
                    + tenantId + "): Azure says it is another tenant's (" + arm.description() + ")"
                    + (arm.requestId() == null ? "" : " (request id " + arm.requestId() + ")") + "; check "
                    + "--azure-subscription: the customer's subscriptions are listed in the Azure portal signed in to "
                    + "the customer's tenant (Subscriptions), or with 'az account list' there");
        }
        return new CliException(ExitCode.AUTH, e.getMessage() + "; the Authorization token must be issued by the "
                + "customer's tenant (" + tenantId + ") and x-ms-authorization-auxiliary by your partner tenant: sign in "
                + "again with '" + context.pcx("auth login") + "' as a person with a delegated admin role in the "
                + "customer's tenant");
    }

    /**
     * What a refusal of Azure Resource Manager means here: the CSP support-plan refusal, and what a
     * 403, a 404 and a 409 mean for a ticket; the rest as the classifier words any service's.
     */
    RuntimeException explain(ApiException e) {
        String said = e.description() == null ? "" : e.description();
        String rid = e.requestId() == null ? "" : " (request id " + e.requestId() + ")";
        if (said.toLowerCase(Locale.ROOT).contains("support plan type is csp")) {
            return new CliException(ExitCode.REFUSED, "Azure refused the ticket: \"" + said + "\"" + rid + "; pcx sent "
                    + "your partner tenant's token as x-ms-authorization-auxiliary, so Azure does not take you for this "
                    + "subscription's CSP partner: check that subscription " + subscription + " was bought through "
                    + "you (an indirect reseller files through its indirect provider), or file it in Partner Center "
                    + "(Support requests → Customer requests)");
        }
        return switch (e.status()) {
            case 403 -> e.meaning("Azure refused", "the signed-in person needs Support Request Contributor (or Owner) "
                    + "on subscription " + subscription + " (GDAP's Azure role assignment gives it)");
            case 404 -> AzureSupport.subscriptionMissing(e) ? e.meaning("the customer has no Azure subscription "
                    + subscription, "check --azure-subscription") : e;
            case 409 -> e.meaning("Azure refused: the ticket name is in use", "a name is never reused: give another "
                    + "--key, or see the ticket with '" + context.pcx("tickets list -c " + customerText
                    + " --azure-subscription " + subscription) + "'");
            default -> e;
        };
    }
}
