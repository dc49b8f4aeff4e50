package dev.pcx.cli.tickets;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft's Windows time zone names, which the Azure Support API takes as the contact's
 * {@code preferredTimeZone} ("the name of the time zone from Microsoft Time Zone Index Values"),
 * and the IANA zones they stand for: every Windows zone with the zone CLDR's windowsZones maps it
 * to for the world (territory 001), plus the other large cities of the same zone. Java has no such
 * map; a zone not in it is said, and UTC is used.
 */
final class WindowsZones {
    /** {@code Windows name|IANA zone, the first as CLDR maps it, then other cities of the zone}. */
    private static final String TABLE = """
            Afghanistan Standard Time|Asia/Kabul
            Alaskan Standard Time|America/Anchorage
            Aleutian Standard Time|America/Adak
            Altai Standard Time|Asia/Barnaul
            Arab Standard Time|Asia/Riyadh
            Arabian Standard Time|Asia/Dubai
            Arabic Standard Time|Asia/Baghdad
            Argentina Standard Time|America/Buenos_Aires America/Argentina/Buenos_Aires
            Astrakhan Standard Time|Europe/Astrakhan
            Atlantic Standard Time|America/Halifax
            AUS Central Standard Time|Australia/Darwin
            Aus Central W. Standard Time|Australia/Eucla
            AUS Eastern Standard Time|Australia/Sydney Australia/Melbourne Australia/Canberra
            Azerbaijan Standard Time|Asia/Baku
            Azores Standard Time|Atlantic/Azores
            Bahia Standard Time|America/Bahia
            Bangladesh Standard Time|Asia/Dhaka
            Belarus Standard Time|Europe/Minsk
            Bougainville Standard Time|Pacific/Bougainville
            Canada Central Standard Time|America/Regina
            Cape Verde Standard Time|Atlantic/Cape_Verde
            Caucasus Standard Time|Asia/Yerevan
            Cen. Australia Standard Time|Australia/Adelaide
            Central America Standard Time|America/Guatemala
            Central Asia Standard Time|Asia/Bishkek Asia/Almaty Asia/Urumqi
            Central Brazilian Standard Time|America/Cuiaba
            Central Europe Standard Time|Europe/Budapest Europe/Prague Europe/Belgrade Europe/Bratislava Europe/Ljubljana
            Central European Standard Time|Europe/Warsaw Europe/Zagreb Europe/Sarajevo Europe/Skopje
            Central Pacific Standard Time|Pacific/Guadalcanal
            Central Standard Time|America/Chicago CST6CDT
            Central Standard Time (Mexico)|America/Mexico_City
            Chatham Islands Standard Time|Pacific/Chatham
            China Standard Time|Asia/Shanghai Asia/Hong_Kong Asia/Macau Asia/Chongqing Asia/Harbin PRC
            Cuba Standard Time|America/Havana
            Dateline Standard Time|Etc/GMT+12
            E. Africa Standard Time|Africa/Nairobi
            E. Australia Standard Time|Australia/Brisbane
            E. Europe Standard Time|Europe/Chisinau
            E. South America Standard Time|America/Sao_Paulo
            Easter Island Standard Time|Pacific/Easter
            Eastern Standard Time|America/New_York America/Toronto America/Detroit EST5EDT
            Eastern Standard Time (Mexico)|America/Cancun
            Egypt Standard Time|Africa/Cairo
            Ekaterinburg Standard Time|Asia/Yekaterinburg
            Fiji Standard Time|Pacific/Fiji
            FLE Standard Time|Europe/Kiev Europe/Kyiv Europe/Helsinki Europe/Riga Europe/Sofia Europe/Tallinn Europe/Vilnius
            Georgian Standard Time|Asia/Tbilisi
            GMT Standard Time|Europe/London Europe/Dublin Europe/Lisbon
            Greenland Standard Time|America/Godthab America/Nuuk
            Greenwich Standard Time|Atlantic/Reykjavik
            GTB Standard Time|Europe/Bucharest Europe/Athens
            Haiti Standard Time|America/Port-au-Prince
            Hawaiian Standard Time|Pacific/Honolulu
            India Standard Time|Asia/Calcutta Asia/Kolkata
            Iran Standard Time|Asia/Tehran
            Israel Standard Time|Asia/Jerusalem
            Jordan Standard Time|Asia/Amman
            Kaliningrad Standard Time|Europe/Kaliningrad
            Korea Standard Time|Asia/Seoul
            Libya Standard Time|Africa/Tripoli
            Line Islands Standard Time|Pacific/Kiritimati
            Lord Howe Standard Time|Australia/Lord_Howe
            Magadan Standard Time|Asia/Magadan
            Magallanes Standard Time|America/Punta_Arenas
            Marquesas Standard Time|Pacific/Marquesas
            Mauritius Standard Time|Indian/Mauritius
            Middle East Standard Time|Asia/Beirut
            Montevideo Standard Time|America/Montevideo
            Morocco Standard Time|Africa/Casablanca
            Mountain Standard Time|America/Denver MST7MDT
            Mountain Standard Time (Mexico)|America/Mazatlan
            Myanmar Standard Time|Asia/Rangoon Asia/Yangon
            N. Central Asia Standard Time|Asia/Novosibirsk
            Namibia Standard Time|Africa/Windhoek
            Nepal Standard Time|Asia/Katmandu Asia/Kathmandu
            New Zealand Standard Time|Pacific/Auckland
            Newfoundland Standard Time|America/St_Johns
            Norfolk Standard Time|Pacific/Norfolk
            North Asia East Standard Time|Asia/Irkutsk
            North Asia Standard Time|Asia/Krasnoyarsk
            North Korea Standard Time|Asia/Pyongyang
            Omsk Standard Time|Asia/Omsk
            Pacific SA Standard Time|America/Santiago
            Pacific Standard Time|America/Los_Angeles America/Vancouver PST8PDT
            Pacific Standard Time (Mexico)|America/Tijuana
            Pakistan Standard Time|Asia/Karachi
            Paraguay Standard Time|America/Asuncion
            Qyzylorda Standard Time|Asia/Qyzylorda
            Romance Standard Time|Europe/Paris Europe/Brussels Europe/Copenhagen Europe/Madrid
            Russia Time Zone 10|Asia/Srednekolymsk
            Russia Time Zone 11|Asia/Kamchatka
            Russia Time Zone 3|Europe/Samara
            Russian Standard Time|Europe/Moscow
            SA Eastern Standard Time|America/Cayenne
            SA Pacific Standard Time|America/Bogota America/Lima
            SA Western Standard Time|America/La_Paz
            Saint Pierre Standard Time|America/Miquelon
            Sakhalin Standard Time|Asia/Sakhalin
            Samoa Standard Time|Pacific/Apia
            Sao Tome Standard Time|Africa/Sao_Tome
            Saratov Standard Time|Europe/Saratov
            SE Asia Standard Time|Asia/Bangkok Asia/Jakarta Asia/Saigon Asia/Ho_Chi_Minh
            Singapore Standard Time|Asia/Singapore Asia/Kuala_Lumpur Asia/Manila
            South Africa Standard Time|Africa/Johannesburg
            South Sudan Standard Time|Africa/Juba
            Sri Lanka Standard Time|Asia/Colombo
            Sudan Standard Time|Africa/Khartoum
            Syria Standard Time|Asia/Damascus
            Taipei Standard Time|Asia/Taipei
            Tasmania Standard Time|Australia/Hobart
            Tocantins Standard Time|America/Araguaina
            Tokyo Standard Time|Asia/Tokyo Japan
            Tomsk Standard Time|Asia/Tomsk
            Tonga Standard Time|Pacific/Tongatapu
            Transbaikal Standard Time|Asia/Chita
            Turkey Standard Time|Europe/Istanbul
            Turks And Caicos Standard Time|America/Grand_Turk
            Ulaanbaatar Standard Time|Asia/Ulaanbaatar
            US Eastern Standard Time|America/Indianapolis America/Indiana/Indianapolis
            US Mountain Standard Time|America/Phoenix
            UTC|Etc/UTC UTC Etc/GMT GMT Z Etc/Universal Etc/Zulu Universal Zulu Etc/UCT UCT Etc/Greenwich Greenwich
            UTC+12|Etc/GMT-12
            UTC+13|Etc/GMT-13
            UTC-02|Etc/GMT+2
            UTC-08|Etc/GMT+8
            UTC-09|Etc/GMT+9
            UTC-11|Etc/GMT+11
            Venezuela Standard Time|America/Caracas
            Vladivostok Standard Time|Asia/Vladivostok
            Volgograd Standard Time|Europe/Volgograd
            W. Australia Standard Time|Australia/Perth
            W. Central Africa Standard Time|Africa/Lagos
            W. Europe Standard Time|Europe/Berlin Europe/Amsterdam Europe/Rome Europe/Stockholm Europe/Vienna Europe/Zurich Europe/Oslo
            W. Mongolia Standard Time|Asia/Hovd
            West Asia Standard Time|Asia/Tashkent
            West Bank Standard Time|Asia/Hebron
            West Pacific Standard Time|Pacific/Port_Moresby
            Yakutsk Standard Time|Asia/Yakutsk
            Yukon Standard Time|America/Whitehorse
            """;

    private static final Map<String, String> WINDOWS = new HashMap<>();
    private static final Map<String, String> OF_IANA = new HashMap<>();

    static {
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.strip().split("\\|");
            WINDOWS.put(parts[0].toLowerCase(Locale.ROOT), parts[0]);
            for (String zone : parts[1].split(" ")) {
                OF_IANA.put(zone.toLowerCase(Locale.ROOT), parts[0]);
            }
        }
    }

    private WindowsZones() {
    }

    /**
     * The Windows name {@code given} means: a Windows name in any case, or an IANA zone of the
     * table ({@code Asia/Shanghai}); null for anything else.
     */
    static String windowsName(String given) {
        String key = given.strip().toLowerCase(Locale.ROOT);
        String name = WINDOWS.get(key);
        return name != null ? name : OF_IANA.get(key);
    }

    /** The Windows name of {@code zone}, or null when the table has none. */
    static String of(ZoneId zone) {
        return OF_IANA.get(zone.getId().toLowerCase(Locale.ROOT));
    }
}
