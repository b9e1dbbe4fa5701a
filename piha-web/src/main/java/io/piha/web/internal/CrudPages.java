package io.piha.web.internal;

import io.piha.api.inventory.InventoryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The create, edit and delete pages of one kind of record. A refused form is shown again with every value as
 * typed and each error beside its field (422); a save that lost a race with another writer is shown as a conflict
 * with both versions (409), and saving again from there overwrites the stored version on purpose.
 */
final class CrudPages<T> {

    private final Web web;
    private final Editor<T> editor;
    private final String section;

    CrudPages(Web web, Editor<T> editor, String section) {
        this.web = web;
        this.editor = editor;
        this.section = section;
    }

    void register(Router r) {
        String base = editor.base();
        r.get(base + "/new", x -> show(x, 200, newForm(x, editor.defaults(x), Map.of(), List.of())));
        r.post(base, this::create);
        r.get(base + "/{id}/edit", x -> {
            T stored = found(x);
            show(x, 200, editForm(x, stored, editor.values(stored), Map.of(), List.of(), versionOf(stored),
                    Optional.empty()));
        });
        r.post(base + "/{id}", this::update);
        r.post(base + "/{id}/delete", this::delete);
    }

    private void create(Exchange x) {
        Map<String, String> typed = typed(x);
        Checks checks = new Checks(typed);
        Optional<T> value = editor.parse(checks, Optional.empty(), 0);
        if (value.isPresent()) {
            try {
                T stored = editor.create(value.get(), x.user());
                done(x, "Created " + editor.noun() + " " + editor.label(stored) + ".", stored);
                return;
            } catch (InventoryException e) {
                refused(checks, e);
            }
        }
        show(x, 422, newForm(x, typed, checks.errors(), problems(checks)));
    }

    private void update(Exchange x) {
        T stored = found(x);
        // fields a form shows locked (the site of a device) are not posted: they keep the stored value
        Map<String, String> typed = new HashMap<>(editor.values(stored));
        typed.putAll(typed(x));
        typed.remove("version");
        long version = version(x);
        Checks checks = new Checks(typed);
        Optional<T> value = editor.parse(checks, Optional.of(stored), version);
        if (value.isPresent()) {
            try {
                T saved = editor.update(value.get(), x.user());
                done(x, "Saved " + editor.noun() + " " + editor.label(saved) + ".", saved);
                return;
            } catch (InventoryException.ConcurrentModification e) {
                T theirs = found(x);
                Form.Conflict conflict = new Form.Conflict(e.getMessage(), editor.values(theirs), versionOf(theirs));
                show(x, 409, editForm(x, theirs, typed, Map.of(), List.of(), versionOf(theirs), Optional.of(conflict)));
                return;
            } catch (InventoryException e) {
                refused(checks, e);
            }
        }
        show(x, 422, editForm(x, stored, typed, checks.errors(), problems(checks), version, Optional.empty()));
    }

    private void delete(Exchange x) {
        T stored = found(x);
        try {
            editor.delete(editor.id(stored), version(x), x.user());
            x.session().flash("Deleted " + editor.noun() + " " + editor.label(stored) + ".");
            x.redirect(editor.base());
        } catch (InventoryException.ConcurrentModification e) {
            x.session().flash("Not deleted: " + e.getMessage() + ". Look at the current version, then delete again.");
            x.redirect(editor.base() + "/" + editor.id(stored));
        } catch (InventoryException e) {
            x.session().flash("Not deleted: " + e.getMessage());
            x.redirect(editor.base() + "/" + editor.id(stored));
        }
    }

    private void done(Exchange x, String message, T stored) {
        x.session().flash(message);
        x.redirect(editor.base() + "/" + editor.id(stored));
    }

    private static void refused(Checks checks, InventoryException e) {
        Optional<String> field = Checks.fieldOf(e);
        if (field.isPresent()) {
            checks.error(field.get(), e.getMessage());
        } else {
            checks.error("", e.getMessage());
        }
    }

    private static List<String> problems(Checks checks) {
        return Optional.ofNullable(checks.errors().get("")).map(List::of).orElse(List.of());
    }

    private Form newForm(Exchange x, Map<String, String> values, Map<String, String> errors, List<String> problems) {
        return new Form("New " + editor.noun(), editor.base(), "Create " + editor.noun(), editor.base(),
                editor.fields(x, Optional.empty()), values, errors, problems, Optional.empty(), Optional.empty());
    }

    private Form editForm(Exchange x, T stored, Map<String, String> values, Map<String, String> errors,
                          List<String> problems, long version, Optional<Form.Conflict> conflict) {
        String at = editor.base() + "/" + editor.id(stored);
        return new Form("Edit " + editor.noun() + " " + editor.label(stored), at, "Save", at,
                editor.fields(x, Optional.of(stored)), values, errors, problems, Optional.of(version), conflict);
    }

    private void show(Exchange x, int status, Form form) {
        web.page(x, status, "form.jte", form.title(), section, Map.of("form", form));
    }

    private T found(Exchange x) {
        UUID id = Web.uuid(x.param("id"));
        return editor.find(x, id).orElseThrow(() -> new InventoryException.NotFound("There is no " + editor.noun()
                + " " + id + " in the sites you are looking at."));
    }

    private long versionOf(T stored) {
        return Long.parseLong(editor.values(stored).get("version"));
    }

    private static long version(Exchange x) {
        try {
            return Long.parseLong(x.field("version"));
        } catch (NumberFormatException e) {
            throw new WebServer.BadRequest("the form has no version: reload the page and try again");
        }
    }

    private static Map<String, String> typed(Exchange x) {
        Map<String, String> typed = new HashMap<>(x.form());
        typed.remove("_csrf");
        typed.remove("version");
        return typed;
    }
}
