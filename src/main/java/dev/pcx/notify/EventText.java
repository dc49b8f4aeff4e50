package dev.pcx.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Incident events in words for a person in a chat: per event what happened, the issue (id,
 * service, class, status, title), how many customers it hits now and the first few of their
 * names. A message is in Chinese when any customer of its events has a Han character in its name
 * (a reseller in China reads Chinese), otherwise in English; one language per message. Every
 * line starts with pcx's own words, never with data, so data cannot make a heading or a list; and
 * every message says "pcx", so a DingTalk or Feishu robot's keyword can be {@code pcx}.
 */
final class EventText {
    static final int MAX_NAMES = 5;
    static final int NAME_CHARS = 80;
    static final int TITLE_CHARS = 300;
    static final int FIELD_CHARS = 80;

    private final Markup markup;
    private final boolean chinese;

    EventText(Markup markup, List<IncidentEvent> events) {
        this.markup = markup;
        this.chinese = chinese(events);
    }

    /** Whether any customer name of {@code events} holds a Han character. */
    static boolean chinese(List<IncidentEvent> events) {
        for (IncidentEvent e : events) {
            for (IncidentEvent.Customer c : e.customers()) {
                String name = c.companyName();
                if (name != null && name.codePoints().anyMatch(
                        cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Graph's classification, as the Microsoft 365 admin center says it in Chinese. */
    private static final Map<String, String> CLASSES = Map.of("incident", "事件", "advisory", "公告");

    /** Graph's serviceHealthStatus values, in Chinese; a value not here is shown as sent. */
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("serviceoperational", "正常运行"), Map.entry("investigating", "正在调查"),
            Map.entry("restoringservice", "正在恢复服务"), Map.entry("verifyingservice", "正在验证服务"),
            Map.entry("servicerestored", "服务已恢复"), Map.entry("postincidentreviewpublished", "已发布事后报告"),
            Map.entry("servicedegradation", "服务降级"), Map.entry("serviceinterruption", "服务中断"),
            Map.entry("extendedrecovery", "延长恢复"), Map.entry("falsepositive", "误报"),
            Map.entry("investigationsuspended", "已暂停调查"), Map.entry("resolved", "已解决"),
            Map.entry("mitigatedexternal", "已缓解（外部）"), Map.entry("mitigated", "已缓解"),
            Map.entry("resolvedexternal", "已解决（外部）"), Map.entry("confirmed", "已确认"),
            Map.entry("reported", "已报告"));

    /** {@code value} in Chinese where {@code names} has it (any casing), else as sent. */
    private static String chinese(Map<String, String> names, String value) {
        return value == null ? null : names.getOrDefault(value.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT), value);
    }

    boolean isChinese() {
        return chinese;
    }

    /** The message's heading, plain text: {@code pcx: 3 incident changes}. */
    String heading(int events) {
        if (chinese) {
            return "pcx：" + events + " 条事件变化";
        }
        return "pcx: " + events + (events == 1 ? " incident change" : " incident changes");
    }

    /** What stands for the events left out of a message that could not hold them all. */
    String more(int events) {
        return chinese ? "……另有 " + events + " 条事件变化未列出"
                : "…and " + events + (events == 1 ? " more incident change" : " more incident changes");
    }

    /** One event's lines, with markup. */
    List<String> lines(IncidentEvent e) {
        IncidentEvent.Issue issue = e.issue() != null ? e.issue()
                : new IncidentEvent.Issue(null, null, null, null, null, null, null);
        List<String> out = new ArrayList<>();
        out.add(markup.bold(markup.text(what(e, issue), FIELD_CHARS * 2)) + " " + field(issue.id()));
        out.add(chinese
                ? "服务：" + field(issue.service()) + " · 类别：" + field(chinese(CLASSES, issue.classification()))
                        + " · 状态：" + field(chinese(STATUSES, issue.status()))
                : "Service: " + field(issue.service()) + " · Class: " + field(issue.classification()) + " · Status: "
                        + field(issue.status()));
        out.add((chinese ? "标题：" : "Title: ") + (issue.title() == null ? "-" : markup.text(issue.title(), TITLE_CHARS)));
        out.add((chinese ? "当前受影响客户：" : "Customers hit now: ") + e.customersCount());
        if (!e.customers().isEmpty()) {
            out.add(whose(e.type()) + names(e.customers()));
        }
        return out;
    }

    /** What happened, in pcx's words (the status of an update is the service's, cleaned with the rest). */
    private String what(IncidentEvent e, IncidentEvent.Issue issue) {
        int n = e.customers().size();
        String type = e.type() == null ? "" : e.type();
        return switch (type) {
            case IncidentEvent.NEW -> chinese ? "新事件" : "New incident";
            case IncidentEvent.SPREAD -> chinese ? "扩散：新增 " + n + " 个客户" : "Spread to " + n + " more " + customers(n);
            case IncidentEvent.RECEDE -> chinese ? "缓解：" + n + " 个客户不再受影响" : "Receded from " + n + " " + customers(n);
            case IncidentEvent.UPDATED -> chinese ? "更新：状态 " + plain(chinese(STATUSES, issue.status()))
                    : "Updated: status " + plain(issue.status());
            case IncidentEvent.RESOLVED -> chinese ? "已解决" : "Resolved";
            default -> chinese ? "变化(" + plain(type) + ")" : "Changed (" + plain(type) + ")";
        };
    }

    private String whose(String type) {
        String t = type == null ? "" : type;
        return switch (t) {
            case IncidentEvent.SPREAD -> chinese ? "新增：" : "Added: ";
            case IncidentEvent.RECEDE -> chinese ? "不再受影响：" : "No longer hit: ";
            case IncidentEvent.RESOLVED -> chinese ? "曾受影响：" : "Were hit: ";
            default -> chinese ? "受影响：" : "Hit: ";
        };
    }

    private String names(List<IncidentEvent.Customer> customers) {
        List<String> shown = new ArrayList<>();
        for (IncidentEvent.Customer c : customers.subList(0, Math.min(MAX_NAMES, customers.size()))) {
            shown.add(markup.text(name(c), NAME_CHARS));
        }
        String joined = String.join(chinese ? "、" : ", ", shown);
        int left = customers.size() - shown.size();
        if (left > 0) {
            joined += chinese ? " 等，另有 " + left + " 个" : " and " + left + " more";
        }
        return joined;
    }

    private static String name(IncidentEvent.Customer c) {
        for (String s : new String[] {c.companyName(), c.domain(), c.tenantId()}) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "?";
    }

    private static String customers(int n) {
        return n == 1 ? "customer" : "customers";
    }

    private String field(String s) {
        return s == null || s.isBlank() ? "-" : markup.text(s, FIELD_CHARS);
    }

    private String plain(String s) {
        return s == null || s.isBlank() ? "-" : markup.clean(s, FIELD_CHARS);
    }
}
