package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pcx.api.FieldChange;
import dev.pcx.api.FieldChange.Field;
import dev.pcx.cli.Typed;

import java.util.Locale;

/** What a fix does to a subscription, and how its value is read. */
enum Action {
    SUSPEND, ACTIVATE, QUANTITY, NAME, AUTO_RENEW;

    static final int MAX_QUANTITY = 1_000_000;

    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Action parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("no action (use suspend, activate, quantity, name or auto-renew)");
        }
        String n = Typed.plain(s).toLowerCase(Locale.ROOT).replace('_', '-');
        for (Action a : values()) {
            if (a.wire().equals(n)) {
                return a;
            }
        }
        return switch (n) {
            case "reactivate", "resume" -> ACTIVATE;
            case "friendly-name", "nickname", "rename" -> NAME;
            case "seats", "set-quantity" -> QUANTITY;
            case "autorenew", "auto-renewal" -> AUTO_RENEW;
            default -> throw new IllegalArgumentException("unknown action '" + s
                    + "' (use suspend, activate, quantity, name or auto-renew)");
        };
    }

    /** The subscription field this action sets. */
    Field field() {
        return switch (this) {
            case SUSPEND, ACTIVATE -> Field.STATUS;
            case QUANTITY -> Field.QUANTITY;
            case NAME -> Field.FRIENDLY_NAME;
            case AUTO_RENEW -> Field.AUTO_RENEW;
        };
    }

    boolean takesValue() {
        return this != SUSPEND && this != ACTIVATE;
    }

    /** The field change this action wants; the value must have been checked with {@link #check}. */
    FieldChange change(String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return FieldChange.wanted(field(), switch (this) {
            case SUSPEND -> f.textNode("suspended");
            case ACTIVATE -> f.textNode("active");
            case QUANTITY -> f.numberNode(Integer.parseInt(value.trim()));
            case NAME -> f.textNode(value.trim());
            case AUTO_RENEW -> f.booleanNode(onOff(value));
        });
    }

    /** Why {@code value} does not suit this action, or null when it does. */
    String check(String value) {
        boolean blank = value == null || value.isBlank();
        if (!takesValue()) {
            return blank ? null : wire() + " takes no value (got '" + value + "')";
        }
        if (blank) {
            return wire() + " needs a value";
        }
        switch (this) {
            case QUANTITY -> {
                try {
                    int n = Integer.parseInt(value.trim());
                    return n >= 1 && n <= MAX_QUANTITY ? null : "quantity must be from 1 to " + MAX_QUANTITY;
                } catch (NumberFormatException e) {
                    return "quantity must be a whole number (got '" + value + "')";
                }
            }
            case AUTO_RENEW -> {
                try {
                    onOff(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }
            case NAME -> {
                return value.trim().length() > 256 ? "a name is at most 256 characters" : null;
            }
            default -> {
                return null;
            }
        }
    }

    static boolean onOff(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("auto-renew is on or off (got '" + value + "')");
        };
    }
}
