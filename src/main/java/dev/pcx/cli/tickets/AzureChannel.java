package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.ApiException;
import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.AzureSupport;
import dev.pcx.api.Json;
import dev.pcx.api.OutcomeUnknownException;
import dev.pcx.api.WriteOnce;
import dev.pcx.api.model.SupportResource;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.TenantTokens;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.TenantSignIn;
import dev.pcx.cli.ExitCode;
import dev.pcx.output.Column;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A customer's Azure support tickets through the Azure Support API (partner-center-api.md §6.2;
 * global only, a person's credentials): the customer's tenant's ARM token and the partner's, the
 * channel's refusals said with what to do, and every write sent so that it happens once. A ticket
 * filed with a key has a name derived from the key, read before it is filed and again before any
 * retry after a lost answer; a lost answer is never taken for "not filed".
 */
final class AzureChannel extends TicketChannel<SupportResource> {
    /** Attempts at one write whose answers are lost while the resource does not show it. */
    private static final int WRITE_ATTEMPTS = 3;

    private final TicketCustomer customer;
    private final String subscription;
    private AzureSupport api;

    AzureChannel(Context context, TicketCustomer customer, String subscription) {
        super(context, "Azure support ticket", SupportResource::closed);
        this.customer = customer;
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
        if (!context.connections().connection().cloud().azureSupport()) {
            throw new CliException(ExitCode.REFUSED, "Azure operated by 21Vianet has no Azure Support API: its "
                    + "tickets are filed and followed in the Azure portal operated by 21Vianet (support.azure.cn); '"
                    + context.pcx("tickets create") + "' without --azure-subscription prepares one for you to submit");
        }
        customer.require(what, "subscription");
        context.requireAppUser("Azure support tickets (ARM tokens issued by the customer's tenant and by yours)");
        Credentials.Source source = context.connections().connection().credentials();
        if (!(source.tokens() instanceof TenantTokens tokens)) {
            throw new AuthenticationException("Azure support tickets need Azure Resource Manager tokens issued by the "
                    + "customer's tenant and by yours, and pcx cannot get them from " + source.description()
                    + " (a token for one audience, in one tenant)", "sign in with '" + context.pcx("auth login") + "' or set "
                    + "PCX_REFRESH_TOKEN (with PCX_CLIENT_ID and PCX_TENANT_ID) instead of PCX_ACCESS_TOKEN");
        }
        ApiSettings settings = context.settings(context.connections().armEndpoint());
        api = new AzureSupport(settings, context.http(settings.baseUrl()), tokens.arm(customer.tenantId()),
                tokens.arm(null), AzureSupport.DEFAULT_WAIT, context.session()::say);
        return api;
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
    Filed create(String key, BiFunction<AzureSupport, String, ObjectNode> body) {
        AzureSupport a = open("filing an Azure support ticket");
        String name = key != null ? nameFor(key, customer.tenantId(), subscription) : UUID.randomUUID().toString();
        return call(() -> {
            if (key != null) {
                SupportResource earlier = a.ticket(subscription, name);
                if (earlier != null) {
                    return new Filed(earlier, true);
                }
            }
            ObjectNode b = body.apply(a, key);
            int[] sent = {0};
            Filed filed = this.<Filed>writeOnce("filing ticket " + name, name, "is there: filed once", "done")
                    .check(checkWith(name) + (key == null ? "" : "; a rerun with the same --key files nothing"))
                    .attempts(WRITE_ATTEMPTS, "filing it again under the same name")
                    .missing(now -> "is not there: it was not filed")
                    .rerun("run the command again" + (key == null ? "" : " with the same --key (it is never filed "
                            + "twice)"))
                    .send(() -> {
                        sent[0]++;
                        try {
                            return new Filed(a.create(subscription, name, b), false);
                        } catch (ApiException e) {
                            return taken(e, a, name, key, sent[0]);
                        }
                    }, () -> {
                        SupportResource now = a.ticket(subscription, name);
                        return now == null ? null : new Filed(now, false);
                    }, f -> true);
            return filed;
        });
    }

    /**
     * A 409 on a name that is ours (derived from the key, or a fresh one already sent once): taken
     * means filed, by this run's lost attempt or by another run with the key, or being filed.
     */
    private Filed taken(ApiException e, AzureSupport a, String name, String key, int attempt) {
        if (e.status() != 409 || key == null && attempt == 1) {
            throw e;
        }
        SupportResource now = a.ticket(subscription, name);
        if (now == null) {
            throw new OutcomeUnknownException("Azure says ticket " + name + " exists but does not show it yet: it is "
                    + "being filed", e.path(), e, checkWith(name));
        }
        context.session().say(key != null && attempt == 1 ? "ticket " + name + " was filed meanwhile for key " + key
                + " (another run)" : "ticket " + name + " is there: filed once");
        return new Filed(now, attempt == 1);
    }

    /** The ticket filed for {@code key} on this subscription, or null when none was. */
    SupportResource filedFor(String key) {
        AzureSupport a = open("filing an Azure support ticket");
        return call(() -> a.ticket(subscription, nameFor(key, customer.tenantId(), subscription)));
    }

    /** The ticket named {@code id}, or the one whose number ({@code supportTicketId}) it is. */
    @Override
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
                        + " (see them with: " + context.pcx("tickets list -c " + customer.text()
                        + " --azure-subscription " + subscription) + ")");
            }
            return t;
        });
    }

    /** Open or closed, as the listing's {@code --status} says: Azure's tickets are one or the other. */
    @Override
    List<SupportResource> list(String status, String key) {
        AzureSupport a = open("listing Azure support tickets");
        String filter = status == null || "all".equals(status) ? null : "status eq '" + ("open".equals(status) ? "Open" : "Closed") + "'";
        List<SupportResource> out = call(() -> {
            List<SupportResource> read = new ArrayList<>();
            a.tickets(subscription, filter, 100).forEach(-1, read::add);
            return read;
        });
        context.session().say(out.size() + " Azure support ticket" + (out.size() == 1 ? "" : "s")
                + " through the Azure Support API on subscription " + subscription);
        if (key != null && !out.isEmpty()) {
            context.session().say(out.stream().filter(t -> key.equals(TicketKeys.keyOf(t))).count() + " of them with key " + key);
        }
        return out;
    }

    @Override
    Ticket view(SupportResource t) {
        String status = t.text("status");
        return new Ticket(t.name(), TicketRef.Channel.AZURE, status == null ? null : status.toLowerCase(Locale.ROOT),
                t.text("severity"), t.text("title"), null, t.text("supportTicketId"), TicketKeys.keyOf(t),
                t.text("createdDate"), t);
    }

    @Override
    List<Column<SupportResource>> fields() {
        return TicketColumns.AZURE;
    }

    /** A person sees the ticket with its communications; a script, the ticket as Azure sent it. */
    @Override
    void show(SupportResource ticket) {
        context.session().say("Azure support ticket, through the Azure Support API on subscription " + subscription);
        if (!context.output().forPeople()) {
            print(ticket);
            return;
        }
        AzureSupport a = open("reading a ticket's communications");
        List<SupportResource> thread = call(() -> {
            List<SupportResource> out = new ArrayList<>();
            a.communications(subscription, ticket.name()).forEach(-1, out::add);
            return out;
        });
        List<Column<SupportResource>> withThread = new ArrayList<>(TicketColumns.AZURE);
        withThread.add(Column.of("Communications", t -> TicketColumns.thread(thread)));
        context.output().single(ticket, withThread);
    }

    /** Adds a note (a communication, named by pcx so that a resend cannot add it twice); the ticket afterwards. */
    @Override
    SupportResource note(String id, String text) {
        AzureSupport a = open("a note");
        String name = get(id).name();
        String comm = UUID.randomUUID().toString();
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode p = body.putObject("properties");
        String first = text.strip().lines().findFirst().orElse("Note");
        p.put("subject", first.length() > 100 ? first.substring(0, 97) + "..." : first);
        p.put("body", text.strip());
        SupportResource after = call(() -> {
            this.<SupportResource>writeOnce("the note", "the note on " + name, "shows it added", "done")
                    .check(checkWith(name))
                    .attempts(WRITE_ATTEMPTS, "sending it again under the same name")
                    .send(() -> a.addCommunication(subscription, name, comm, body),
                            () -> a.communication(subscription, name, comm), c -> true);
            return a.ticket(subscription, name);
        });
        context.session().say("added a note to Azure support ticket " + after.name() + " through the Azure Support API on "
                + "subscription " + subscription);
        return after;
    }

    /** Closes the ticket: PATCH status closed. */
    @Override
    SupportResource closeOpen(SupportResource before, String id) {
        AzureSupport a = open("closing an Azure support ticket");
        String name = before.name();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "closed");
        SupportResource closed = call(() -> this.<SupportResource>writeOnce("closing " + name, "closing ticket " + name,
                "shows it closed", "done")
                .check(checkWith(name))
                .missing(now -> "is still " + (now == null ? "unknown" : now.text("status"))
                        + ": it was not closed (or not yet)")
                .send(() -> a.update(subscription, name, body), () -> a.ticket(subscription, name),
                        now -> now.closed()));
        context.session().say("closed Azure support ticket " + closed.name() + " through the Azure Support API on "
                + "subscription " + subscription);
        return closed;
    }

    private <R> WriteOnce<R> writeOnce(String what, String whatIn, String shows, String done) {
        return WriteOnce.<R>of(new WriteOnce.Words(what, whatIn, "the ticket", shows, done), context.session()::say);
    }

    /** The fix of an unknown outcome: the command that shows ticket {@code name} as this command line runs pcx. */
    private String checkWith(String name) {
        return "check with: " + context.pcx("tickets show " + name + " -c " + customer.text() + " --azure-subscription "
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
                    + customer.tenantId() + "): Azure says it is another tenant's (" + arm.description() + ")"
                    + (arm.requestId() == null ? "" : " (request id " + arm.requestId() + ")") + "; check "
                    + "--azure-subscription: the customer's subscriptions are listed in the Azure portal signed in to "
                    + "the customer's tenant (Subscriptions), or with 'az account list' there");
        }
        return new CliException(ExitCode.AUTH, e.getMessage() + "; the Authorization token must be issued by the "
                + "customer's tenant (" + customer.tenantId() + ") and x-ms-authorization-auxiliary by your partner tenant: sign in "
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
                    + "--key, or see the ticket with '" + context.pcx("tickets list -c " + customer.text()
                    + " --azure-subscription " + subscription) + "'");
            default -> e;
        };
    }
}
