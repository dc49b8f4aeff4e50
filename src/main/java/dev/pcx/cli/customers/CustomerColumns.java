package dev.pcx.cli.customers;

import dev.pcx.api.model.Address;
import dev.pcx.api.model.Customer;
import dev.pcx.api.model.CustomerBillingProfile;
import dev.pcx.api.model.CustomerCompanyProfile;
import dev.pcx.output.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How a customer is shown: the columns of a listing and the fields of {@code customers show}. */
final class CustomerColumns {
    private CustomerColumns() {
    }

    static final List<Column<Customer>> LIST = List.of(
            Column.shrinking("Company name", Customer::companyName),
            Column.of("Domain", Customer::domain), // what people paste into -c: never cut
            Column.<Customer>of("Tenant id", Customer::tenantId).optional(2),
            Column.<Customer>of("Relationship", c -> c.relationshipToPartner() == null ? null
                    : c.relationshipToPartner().value()).optional(1));

    static final List<Column<Customer>> DETAIL = List.of(
            Column.of("Company name", Customer::companyName),
            Column.of("Domain", Customer::domain),
            Column.of("Tenant id", Customer::tenantId),
            Column.of("Relationship", c -> c.relationshipToPartner() == null ? null : c.relationshipToPartner().value()),
            Column.<Customer>of("Delegated access", c -> c.allowDelegatedAccess() == null ? null
                    : c.allowDelegatedAccess().toString()).shown(c -> c.allowDelegatedAccess() == null ? null
                    : c.allowDelegatedAccess() ? "yes" : "no"),
            Column.<Customer>of("Custom domains", c -> c.customDomains() == null ? null : String.join(";", c.customDomains()))
                    .shown(c -> c.customDomains() == null ? null : String.join(", ", c.customDomains())),
            Column.of("Commerce id", Customer::commerceId),
            Column.of("Indirect reseller", Customer::associatedPartnerId),
            Column.of("Company email", c -> company(c).map(CustomerCompanyProfile::email)),
            Column.of("Company address", c -> company(c).map(p -> address(p.address()))),
            Column.of("Registration no.", c -> company(c).map(CustomerCompanyProfile::organizationRegistrationNumber)),
            Column.of("Billing contact", c -> billing(c).map(CustomerColumns::contact)),
            Column.of("Billing email", c -> billing(c).map(CustomerBillingProfile::email)),
            Column.of("Billing address", c -> billing(c).map(b -> address(b.defaultAddress()))),
            Column.of("Culture", c -> billing(c).map(b -> join(" / ", b.culture(), b.language()))));

    private static OptionalText<CustomerCompanyProfile> company(Customer c) {
        return new OptionalText<>(c.companyProfile());
    }

    private static OptionalText<CustomerBillingProfile> billing(Customer c) {
        return new OptionalText<>(c.billingProfile());
    }

    /** A null-tolerant step from a record to one of its text fields. */
    private record OptionalText<T>(T value) {
        String map(Function<T, String> f) {
            return value == null ? null : f.apply(value);
        }
    }

    /** "Alex Smith", but "王娜": Chinese, Japanese and Korean names put the family name first, unspaced. */
    static String contact(CustomerBillingProfile b) {
        String first = b.firstName() == null ? "" : b.firstName().strip();
        String last = b.lastName() == null ? "" : b.lastName().strip();
        if (isCjk(first) && isCjk(last)) {
            String name = last + first;
            return name.isEmpty() ? null : name;
        }
        return join(" ", first, last);
    }

    private static boolean isCjk(String s) {
        return s.isEmpty() || s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA);
    }

    static String address(Address a) {
        if (a == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Stream.of(a.addressLine1(), a.addressLine2(), a.city(), a.state(), a.region(), a.postalCode(), a.country())
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).forEach(parts::add);
        String phone = a.phoneNumber() == null || a.phoneNumber().isBlank() ? "" : " (tel. " + a.phoneNumber() + ")";
        return parts.isEmpty() ? null : String.join(", ", parts) + phone;
    }

    private static String join(String sep, String... parts) {
        String s = Stream.of(parts).filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.joining(sep));
        return s.isEmpty() ? null : s;
    }
}
