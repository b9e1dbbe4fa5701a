package io.piha.web.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form as the generic form template draws it: its fields, what the user typed (kept exactly, even when wrong),
 * an error beside each bad field, and, after a concurrent edit, both versions side by side.
 *
 * @param title the heading
 * @param action where it posts
 * @param submit the button's label
 * @param cancel where "cancel" leads
 * @param fields the fields, in order
 * @param values what is in each field
 * @param errors what is wrong with a field, by field name
 * @param problems what is wrong with the whole form
 * @param version the version the edit is based on (absent for a new record)
 * @param conflict the stored record, when someone else saved first
 */
public record Form(String title, String action, String submit, String cancel, List<Field> fields,
                   Map<String, String> values, Map<String, String> errors, List<String> problems,
                   Optional<Long> version, Optional<Conflict> conflict) {

    /** How a field is drawn. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** A choice among options. */
        SELECT,
        /** Several lines, e.g. one MAC per line. */
        TEXTAREA
    }

    /**
     * One field.
     *
     * @param name the form field's name
     * @param label its visible label
     * @param kind how it is drawn
     * @param options the choices of a select
     * @param hint a line of help under it
     * @param locked shown but not editable (e.g. the site of an existing device)
     */
    public record Field(String name, String label, Kind kind, List<Web.Option> options, String hint, boolean locked) {

        /** A text field. */
        static Field text(String name, String label, String hint) {
            return new Field(name, label, Kind.TEXT, List.of(), hint, false);
        }

        /** A select. */
        static Field select(String name, String label, List<Web.Option> options, String hint) {
            return new Field(name, label, Kind.SELECT, options, hint, false);
        }

        /** A text area. */
        static Field lines(String name, String label, String hint) {
            return new Field(name, label, Kind.TEXTAREA, List.of(), hint, false);
        }

        /** The same field, not editable. */
        Field lock() {
            return new Field(name, label, kind, options, hint, true);
        }

        /** What a person reads for a value of this field (a select's label rather than an id). */
        public String display(String value) {
            return options.stream().filter(o -> o.value().equals(value)).map(Web.Option::label).findFirst()
                    .orElse(value == null ? "" : value);
        }
    }

    /**
     * Someone else saved the record first.
     *
     * @param message what happened, with both versions
     * @param theirs the stored record's values
     * @param storedVersion the stored version (saving again overwrites it)
     */
    public record Conflict(String message, Map<String, String> theirs, long storedVersion) {
    }

    /** Whether the user's value of a field differs from the stored one of a conflict (ignoring outer blanks). */
    public boolean differs(Field field) {
        String theirs = conflict.map(c -> c.theirs().getOrDefault(field.name(), "")).orElse("");
        return !field.display(value(field.name())).strip().equals(field.display(theirs).strip());
    }

    /** The value of a field, empty if none. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The error of a field, empty if none. */
    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    /** The id of a field's error message, for aria-describedby. */
    public String errorId(String name) {
        return "error-" + name;
    }
}
