package io.piha.web.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How one kind of record is created, edited and deleted through a form; {@link CrudPages} does the rest (routes,
 * re-showing what was typed with its errors, conflicts, deletes).
 *
 * @param <T> the record type
 */
interface Editor<T> {

    /** The record's kind for people, e.g. {@code zone}. */
    String noun();

    /** The path of the list, e.g. {@code /zones}; a record is at {@code /zones/<id>}. */
    String base();

    /** The form's fields for a new record (empty) or an existing one. */
    List<Form.Field> fields(Exchange x, Optional<T> existing);

    /** The form values of a stored record. */
    Map<String, String> values(T value);

    /** The form values of a new record (e.g. the selected site). */
    Map<String, String> defaults(Exchange x);

    /** The record the form describes, with the given version, or empty with the errors noted in {@code checks}. */
    Optional<T> parse(Checks checks, Optional<T> existing, long version);

    /** Stores a new record. */
    T create(T value, String actor);

    /** Stores a change (optimistic locking on the version). */
    T update(T value, String actor);

    /** Deletes (optimistic locking on the version). */
    void delete(UUID id, long version, String actor);

    /** The record with this id, if the session's scope sees it. */
    Optional<T> find(Exchange x, UUID id);

    /** Its id. */
    UUID id(T value);

    /** Its name for people. */
    String label(T value);
}
