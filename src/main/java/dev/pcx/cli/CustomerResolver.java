package dev.pcx.cli;

import dev.pcx.api.ApiException;
import dev.pcx.api.Customers;
import dev.pcx.api.Pages;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.SearchFilter;
import dev.pcx.api.model.Customer;
import dev.pcx.output.DisplayWidth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns a {@link CustomerRef} into one customer, once per command: a tenant id as is, a domain
 * (exact), or a company-name prefix that matches exactly one customer (an exact name wins over
 * longer ones). Ambiguous: a usage error listing the candidates. Unknown: not found. A search hit
 * is used as the search returned it; a customer is read by its id only where a command wants its
 * name ({@link #resolveNamed}) or the whole record ({@link #full}).
 */
public final class CustomerResolver {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern GUID_LIKE = Pattern.compile("[0-9a-fA-F-]{8,}");
    private static final int PAGE = 50;
    private static final int SCAN_LIMIT = 500;
    private static final int SHOWN = 10;
    private static final int CUSTOM_DOMAIN_READS = 20;

    private final PartnerCenter api;
    private final UnaryOperator<String> pcx;

    public CustomerResolver(PartnerCenter api) {
        this(api, rest -> "pcx " + rest);
    }

    /** Hints name the commands as this command line runs them ({@code pcx --sandbox ...}). */
    public CustomerResolver(Context context) {
        this(context.api(), context::pcx);
    }

    private CustomerResolver(PartnerCenter api, UnaryOperator<String> pcx) {
        this.api = api;
        this.pcx = pcx;
    }

    /** Pages of the whole customer list that a command across every customer reads. */
    private static final int EVERY_PAGE = 500;

    /** Every customer of the partner, as the list gives them (slim records), in pages of 500. */
    public List<Customer> every() {
        List<Customer> all = new ArrayList<>();
        api.customers().list(EVERY_PAGE, null).forEach(-1, all::add);
        return all;
    }

    /** What kind of reference {@code text} is, checked before any call. */
    public enum Kind { TENANT_ID, DOMAIN, NAME }

    /** Classifies {@code text}; a blank text or a malformed tenant id is a usage error. */
    public static Kind kind(String text) {
        String t = Typed.plain(text);
        if (t == null || t.isEmpty()) {
            throw CliException.usage("the customer is empty: give a tenant id, a domain or the start of a company name");
        }
        if (GUID.matcher(t).matches()) {
            return Kind.TENANT_ID;
        }
        if (GUID_LIKE.matcher(t).matches() && t.contains("-")) {
            throw CliException.usage("'" + t + "' is not a valid tenant id (8-4-4-4-12 hex digits, e.g. "
                    + "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0)");
        }
        if (t.contains(".") && !t.contains(" ") && t.indexOf('.') > 0) {
            return Kind.DOMAIN;
        }
        return Kind.NAME;
    }

    /**
     * The customer {@code ref} names, found once: a tenant id as it is, without a call (name and
     * domain unknown; a command then reads the customer's resources, whose 404 says it is unknown);
     * a domain or a name as the search returned it (one search, more only when many names share the
     * prefix), never read again.
     */
    public ResolvedCustomer resolve(CustomerRef ref) {
        String t = Typed.plain(ref.text());
        return ref.kind() == Kind.TENANT_ID ? new ResolvedCustomer(t.toLowerCase(Locale.ROOT), null, null)
                : ResolvedCustomer.of(find(ref, false));
    }

    /**
     * As {@link #resolve(CustomerRef)}, but a tenant id is read (one call) for the customer's name
     * and domain, which also proves it is a customer of the partner's.
     */
    public ResolvedCustomer resolveNamed(CustomerRef ref) {
        return ResolvedCustomer.of(find(ref, false));
    }

    /**
     * The customer {@code ref} names, in full (billing profile and all): a tenant id is read; a
     * domain or a name is searched, then the customer found is read.
     */
    public Customer full(CustomerRef ref) {
        return find(ref, true);
    }

    /** The tenant id {@code text} (a batch file's customer) stands for: {@link #resolve(CustomerRef)} of it parsed. */
    public String tenantId(String text) {
        return resolve(CustomerRef.parse(text)).tenantId();
    }

    /** The customer {@code ref} names: a tenant id read; a search hit read in full when {@code inFull}, else as found. */
    private Customer find(CustomerRef ref, boolean inFull) {
        String t = Typed.plain(ref.text());
        return switch (ref.kind()) {
            case TENANT_ID -> byId(t.toLowerCase(Locale.ROOT));
            case DOMAIN -> byDomain(t, inFull);
            case NAME -> byName(t, inFull);
        };
    }

    private Customer byId(String tenantId) {
        try {
            return api.customers().get(tenantId);
        } catch (ApiException e) {
            throw unknownTenantOr(e, tenantId, pcx);
        }
    }

    /** A 404 on a customer's resource means the tenant id is not one of the partner's customers. */
    public static RuntimeException unknownTenantOr(ApiException e, String tenantId) {
        return unknownTenantOr(e, tenantId, rest -> "pcx " + rest);
    }

    /** As {@link #unknownTenantOr(ApiException, String)}, the hint as {@code context} runs pcx. */
    public static RuntimeException unknownTenantOr(ApiException e, String tenantId, Context context) {
        return unknownTenantOr(e, tenantId, context::pcx);
    }

    private static RuntimeException unknownTenantOr(ApiException e, String tenantId,
                                                    UnaryOperator<String> pcx) {
        if (e.status() == 404) {
            return CliException.notFound("no customer of yours has the tenant id " + tenantId
                    + " (find it with: " + pcx.apply("customers list --name ...") + ")");
        }
        return e;
    }

    private Customer byDomain(String domain, boolean inFull) {
        List<Customer> matches = search(Customers.DOMAIN, domain);
        for (Customer c : matches) {
            if (domain.equalsIgnoreCase(c.domain()) || hasCustomDomain(c, domain)) {
                return inFull ? read(c) : c;
            }
        }
        Customer custom = byCustomDomain(domain);
        if (custom != null) {
            return custom;
        }
        if (matches.isEmpty()) {
            List<Customer> near = nearMisses(domain);
            if (!near.isEmpty()) {
                throw new CliException(ExitCode.NOT_FOUND, "no customer has the domain '" + domain + "'; did you mean:",
                        candidates(near));
            }
            throw CliException.notFound("no customer has the domain '" + domain + "', nor one close to it; "
                    + "list customers with: " + pcx.apply("customers list --domain " + domain.substring(0, Math.min(2,
                    domain.indexOf('.')))));
        }
        throw new CliException(ExitCode.NOT_FOUND, "no customer has exactly the domain '" + domain
                + "'; these domains start with it:", candidates(matches));
    }

    /**
     * A mistyped domain ({@code contso.partner.onmschina.cn}): the domains that start as its first
     * label starts (its first two characters, one search) within an edit distance of two of it,
     * closest first.
     */
    private List<Customer> nearMisses(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        String label = d.substring(0, d.indexOf('.'));
        List<Customer> found = search(Customers.DOMAIN, label.substring(0, Math.min(2, label.length())));
        return found.stream().filter(c -> c.domain() != null)
                .filter(c -> Suggestions.distance(d, c.domain().toLowerCase(Locale.ROOT)) <= 2)
                .sorted(Comparator.comparingInt(c -> Suggestions.distance(d, c.domain().toLowerCase(Locale.ROOT))))
                .limit(SHOWN).toList();
    }

    private static boolean hasCustomDomain(Customer c, String domain) {
        return c.customDomains() != null && c.customDomains().stream().anyMatch(domain::equalsIgnoreCase);
    }

    /**
     * A custom domain ({@code contoso.cn}): Partner Center searches primary domains only, and list
     * items leave custom domains out, so the customers whose domain or company name starts with the
     * domain's first label are read in full (at most {@value #CUSTOM_DOMAIN_READS}) and their custom
     * domains compared.
     */
    private Customer byCustomDomain(String domain) {
        String label = domain.substring(0, domain.indexOf('.'));
        Map<String, Customer> candidates = new LinkedHashMap<>();
        for (String field : List.of(Customers.DOMAIN, Customers.COMPANY_NAME)) {
            api.customers().list(PAGE, SearchFilter.startsWith(field, label)).forEach(CUSTOM_DOMAIN_READS, c -> {
                if (c.tenantId() != null && candidates.size() < CUSTOM_DOMAIN_READS) {
                    candidates.putIfAbsent(c.tenantId(), c);
                }
            });
        }
        for (Customer slim : candidates.values()) {
            Customer c = read(slim);
            if (hasCustomDomain(c, domain)) {
                return c;
            }
        }
        return null;
    }

    private Customer byName(String prefix, boolean inFull) {
        List<Customer> matches = search(Customers.COMPANY_NAME, prefix);
        if (matches.isEmpty()) {
            throw CliException.notFound("no customer's company name starts with '" + prefix
                    + "'; try a shorter prefix, the domain or the tenant id (" + pcx.apply("customers list --name ...") + ")");
        }
        List<Customer> exact = matches.stream().filter(c -> prefix.equalsIgnoreCase(c.companyName())).toList();
        if (matches.size() == 1 || exact.size() == 1) {
            Customer c = matches.size() == 1 ? matches.get(0) : exact.get(0);
            return inFull ? read(c) : c;
        }
        String count = matches.size() > SCAN_LIMIT ? "more than " + SCAN_LIMIT : String.valueOf(matches.size());
        throw new CliException(ExitCode.USAGE, "'" + prefix + "' matches " + count
                + " customers; give more of the name, the domain or the tenant id:", candidates(matches));
    }

    /** The list items are slim: the customer in full, read by its tenant id. */
    private Customer read(Customer slim) {
        String id = slim.tenantId();
        if (id == null) {
            return slim;
        }
        try {
            return api.customers().get(id);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw CliException.notFound("customer " + id + " was listed but cannot be read (removed meanwhile?)");
            }
            throw e;
        }
    }

    private List<Customer> search(String field, String value) {
        Pages<Customer> pages = api.customers().list(PAGE, SearchFilter.startsWith(field, value));
        List<Customer> found = new ArrayList<>();
        pages.forEach(SCAN_LIMIT + 1, found::add);
        return found;
    }

    private static List<String> candidates(List<Customer> matches) {
        List<String> lines = new ArrayList<>();
        List<Customer> shown = matches.subList(0, Math.min(SHOWN, matches.size()));
        int name = shown.stream().mapToInt(c -> DisplayWidth.of(String.valueOf(c.companyName()))).max().orElse(0);
        int dom = shown.stream().mapToInt(c -> DisplayWidth.of(String.valueOf(c.domain()))).max().orElse(0);
        for (Customer c : shown) {
            // aligned, as a table is
            lines.add(DisplayWidth.pad(String.valueOf(c.companyName()), name) + "  "
                    + DisplayWidth.pad(String.valueOf(c.domain()), dom) + "  " + c.tenantId());
        }
        if (matches.size() > SHOWN) {
            lines.add("... and " + (matches.size() > SCAN_LIMIT ? "more" : String.valueOf(matches.size() - SHOWN) + " more"));
        }
        return lines;
    }
}
