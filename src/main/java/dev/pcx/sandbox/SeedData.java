package dev.pcx.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The sandbox's customers, as pure functions of their index: the same index gives the same
 * customer on every machine and every run, and a hundred thousand of them cost nothing until asked
 * for. The first ones are well-known names for documentation and tests; the rest alternate
 * Chinese and English company names.
 */
final class SeedData {
    record Named(String name, String slug, boolean chinese) {
    }

    /** The well-known customers, in order. */
    static final List<Named> NAMED = List.of(
            new Named("Contoso Ltd", "contoso", false),
            new Named("北京云创科技有限公司", "bjyunchuang", true),
            new Named("Fabrikam Inc", "fabrikam", false),
            new Named("上海星辰信息技术有限公司", "shxingchen", true),
            new Named("Contoso 中国", "contosochina", true),
            new Named("深圳华信网络科技有限公司", "szhuaxin", true),
            new Named("Northwind Traders", "northwind", false),
            new Named("杭州远景数据有限公司", "hzyuanjing", true),
            new Named("Tailspin Toys", "tailspin", false),
            new Named("广州南方智造有限公司", "gznanfang", true),
            new Named("Wingtip Toys", "wingtip", false),
            new Named("成都天府软件有限公司", "cdtianfu", true));

    private static final String[] CITIES = {"北京", "上海", "深圳", "杭州", "广州", "成都", "南京", "武汉",
        "西安", "苏州", "天津", "重庆", "青岛", "厦门", "长沙", "大连"};
    private static final String[] CITY_SLUGS = {"bj", "sh", "sz", "hz", "gz", "cd", "nj", "wh",
        "xa", "su", "tj", "cq", "qd", "xm", "cs", "dl"};
    private static final String[] CORES = {"云图", "智联", "华创", "星海", "博远", "金桥", "瑞达", "恒信",
        "天成", "海纳", "思源", "卓越", "鼎盛", "新锐", "同心", "领航"};
    private static final String[] CORE_SLUGS = {"yuntu", "zhilian", "huachuang", "xinghai", "boyuan", "jinqiao",
        "ruida", "hengxin", "tiancheng", "haina", "siyuan", "zhuoyue", "dingsheng", "xinrui", "tongxin", "linghang"};
    private static final String[] TRADES = {"科技有限公司", "信息技术有限公司", "网络科技有限公司", "软件有限公司",
        "数据服务有限公司", "贸易有限公司", "咨询有限公司", "电子商务有限公司"};
    private static final String[] WORDS = {"Adatum", "Litware", "Proseware", "Woodgrove", "Alpine", "Coho",
        "Humongous", "Lucerne", "Margie", "Trey", "Blue Yonder", "Relecloud", "Southridge", "Wide World",
        "Graphic Design", "Consolidated"};
    private static final String[] KINDS = {"Corporation", "Ltd", "Inc", "Group", "Holdings", "Partners", "Labs",
        "Trading"};
    static final String[] FIRST_CN = {"伟", "娜", "敏", "静", "磊", "洋", "艳", "杰"};
    static final String[] LAST_CN = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};
    static final String[] FIRST_EN = {"Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie"};
    static final String[] LAST_EN = {"Smith", "Chen", "Garcia", "Wang", "Müller", "Kim", "Brown", "Lee"};

    private SeedData() {
    }

    static Named named(int index) {
        if (index < NAMED.size()) {
            return NAMED.get(index);
        }
        int n = index - NAMED.size();
        int generation = n / (2 * 16 * 16 * 8);
        String serial = generation == 0 ? "" : " " + (generation + 1);
        if (n % 2 == 0) {
            int k = n / 2;
            String name = CITIES[k % 16] + CORES[(k / 16) % 16] + TRADES[(k / 256) % 8];
            return new Named(name + serial, CITY_SLUGS[k % 16] + CORE_SLUGS[(k / 16) % 16], true);
        }
        int k = n / 2;
        String word = WORDS[k % 16];
        String name = word + " " + KINDS[(k / 16) % 8] + (((k / 128) % 2) == 1 ? " Asia" : "");
        return new Named(name + serial, word.toLowerCase(Locale.ROOT).replace(" ", ""), false);
    }

    static String domain(int index) {
        String slug = named(index).slug();
        return (index < NAMED.size() ? slug : slug + index) + ".partner.onmschina.cn";
    }

    static String tenantId(int index) {
        return uuid("tenant", index);
    }

    static String uuid(String kind, int index) {
        return UUID.nameUUIDFromBytes(("pcx-sandbox:" + kind + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@code relationshipToPartner}: mostly {@code reseller}, one in 17 {@code advisor}, and
     * {@code none} for every other customer without delegated access (index % 22 == 18: the
     * relationship is gone, and with it the GDAP relationship, {@link SeedAccess#gdap}).
     */
    static String relationship(int index) {
        if (index % 22 == 18) {
            return "none";
        }
        return index % 17 == 13 ? "advisor" : "reseller";
    }

    /** {@code allowDelegatedAccess}: false exactly for the customers whose tokens are refused with AADSTS50020. */
    static boolean allowsDelegatedAccess(int index) {
        return SeedHealth.access(index) != SeedHealth.Access.NO_RELATIONSHIP;
    }
}
