package dev.pcx.cli.health;

import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.output.Column;
import dev.pcx.output.HtmlText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code pcx health show <issue-id> [-c <customer>]}: one issue in full, with its posts as text. */
@Command(name = "show",
        header = "Show a service-health issue in full, with its posts, newest last.",
        description = "The posts' HTML is rendered as text. -o json gives the issue as Graph sent it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox health show EX512345 -c contoso.partner.onmschina.cn",
            "  pcx --sandbox health show TM498765 -o json \\",
            "      --jq '.posts[-1].description.content'"
        })
final class HealthShow implements Callable<Integer> {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private final Context context;

    @Parameters(index = "0", paramLabel = "<issue-id>", description = "The issue's id, e.g. EX512345")
    String id;

    @Mixin
    OptionalCustomerOption customer;

    HealthShow(Context context) {
        this.context = context;
    }

    static final List<Column<ServiceHealthIssue>> DETAIL = List.of(
            Column.of("Id", ServiceHealthIssue::id),
            Column.of("Title", ServiceHealthIssue::title),
            Column.of("Service", i -> join(i.service(), i.featureGroup(), i.feature())),
            Column.of("Class", ServiceHealthIssue::classification),
            Column.of("Status", i -> i.status() + (i.resolved() ? " (resolved)" : "")),
            Column.of("Origin", ServiceHealthIssue::origin),
            Column.of("Start", i -> HealthReport.when(i.start(), i.startDateTime())),
            Column.of("End", i -> HealthReport.when(i.end(), i.endDateTime())),
            Column.of("Last update", i -> HealthReport.when(i.lastModified(), i.lastModifiedDateTime())),
            Column.of("Impact", ServiceHealthIssue::impactDescription),
            Column.of("Posts", HealthShow::posts));

    @Override
    public Integer call() {
        if (id == null || !ID.matcher(id.trim()).matches()) {
            throw CliException.usage("'" + id + "' is not an issue id (letters and digits, e.g. EX512345)");
        }
        var output = context.output();
        GraphAccess access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        Tenant t = Tenant.of(context, customer.customer);
        ServiceHealthIssue issue;
        try {
            issue = access.health(t.id(), t.label()).issue(id.trim());
        } catch (RuntimeException e) {
            throw access.explain(e, t.id(), t.label());
        }
        if (issue == null) {
            throw CliException.notFound("Microsoft Graph has no issue " + id + " in " + t.label());
        }
        output.single(issue, DETAIL);
        return 0;
    }

    /** Every post, oldest first, as a dated heading and its text. */
    static String posts(ServiceHealthIssue issue) {
        List<ServiceHealthIssue.Post> posts = issue.postsOrEmpty().stream()
                .sorted(Comparator.comparing(ServiceHealthIssue.Post::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        StringBuilder sb = new StringBuilder();
        for (ServiceHealthIssue.Post p : posts) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append("— ").append(HealthReport.when(p.created(), p.createdDateTime()));
            if (p.postType() != null && !p.postType().equalsIgnoreCase("regular")) {
                sb.append(" (").append(p.postType()).append(')');
            }
            String text = p.description() == null ? "" : HtmlText.render(p.description().content(), p.description().html());
            if (!text.isEmpty()) {
                sb.append('\n').append(text);
            }
        }
        return sb.toString();
    }

    private static String join(String... parts) {
        return String.join(" / ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}
