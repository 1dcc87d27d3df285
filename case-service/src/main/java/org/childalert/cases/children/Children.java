package org.childalert.cases.children;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of children. Opening a case for a child already known (same names and date of birth)
 * attaches the case to that child, so repeat disappearances are counted per child.
 */
@Component
public class Children {

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

    private Optional<Child> findByIdentity(String firstName, String lastName, LocalDate dateOfBirth) {
        return jdbc.sql("""
                select id, first_name, last_name, date_of_birth from child
                where lower(first_name) = lower(:first) and lower(last_name) = lower(:last) and date_of_birth = :dob
                order by created_at limit 1
                """)
                .param("first", firstName.strip())
                .param("last", lastName.strip())
                .param("dob", dateOfBirth)
                .query(Children::map)
                .optional();
    }

    private static Child map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Child(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class));
    }
}
