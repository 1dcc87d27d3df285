package org.childalert.cases.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of children. Opening a case for a child already known (same names and date of birth, ignoring
 * case and surrounding spaces) attaches the case to that child, so repeat disappearances are counted per child.
 * Records merged into another or anonymised are never matched again.
 */
@Component
public class Children {

    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    Children(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Child findOrRegister(String firstName, String lastName, LocalDate dateOfBirth) {
        return findByIdentity(firstName, lastName, dateOfBirth).orElseGet(() -> {
            Child child = new Child(UUID.randomUUID(), firstName.strip(), lastName.strip(), dateOfBirth);
            jdbc.sql("insert into child (id, first_name, last_name, date_of_birth) values (:id, :first, :last, :dob)")
                    .param("id", child.id())
                    .param("first", child.firstName())
                    .param("last", child.lastName())
                    .param("dob", child.dateOfBirth())
                    .update();
            return child;
        });
    }

    public Optional<Child> find(UUID id) {
        return jdbc.sql("select id, first_name, last_name, date_of_birth from child where id = :id")
                .param("id", id)
                .query(Children::map)
                .optional();
    }

    /**
     * Removes the child's names and keeps only the year of birth; the record itself stays, so that the child
     * is still counted once in the figures of the years they went missing.
     */
    public void anonymise(UUID id, Instant at) {
        jdbc.sql("""
                update child set first_name = :erased, last_name = :erased,
                    date_of_birth = make_date(extract(year from date_of_birth)::int, 1, 1), erased_at = :at
                where id = :id and erased_at is null
                """)
                .param("erased", ERASED)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    Optional<ChildRecord> findRecord(UUID id) {
        return jdbc.sql("select id, first_name, last_name, date_of_birth, merged_into, erased_at from child where id = :id")
                .param("id", id)
                .query((rs, n) -> new ChildRecord(map(rs, n), rs.getObject("merged_into", UUID.class),
                        rs.getTimestamp("erased_at") != null))
                .optional();
    }

    private Optional<Child> findByIdentity(String firstName, String lastName, LocalDate dateOfBirth) {
        return jdbc.sql("""
                select id, first_name, last_name, date_of_birth from child
                where lower(first_name) = lower(:first) and lower(last_name) = lower(:last) and date_of_birth = :dob
                  and merged_into is null and erased_at is null
                order by created_at limit 1
                """)
                .param("first", firstName.strip())
                .param("last", lastName.strip())
                .param("dob", dateOfBirth)
                .query(Children::map)
                .optional();
    }

    static Child map(ResultSet rs, int row) throws SQLException {
        return new Child(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class));
    }

    /** A child record with its bookkeeping: merged into another record, or anonymised. */
    record ChildRecord(Child child, UUID mergedInto, boolean erased) {
    }
}
