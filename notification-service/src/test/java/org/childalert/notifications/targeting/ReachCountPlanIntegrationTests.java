package org.childalert.notifications.targeting;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.childalert.events.DisclosureLevel;
import org.childalert.events.GeoCircle;
import org.childalert.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reach estimate is a count, not a fan-out: it reads {@code volunteer_reach} through the very index ranges and
 * index the fan-out's stream reads. With sequential scans ruled out (what a table of a hundred thousand volunteers
 * makes the planner choose on its own), both plans scan the same index; the count sends no row out.
 */
@NotificationServiceTest
class ReachCountPlanIntegrationTests {

    private static final Pattern REACH_SCAN = Pattern.compile("(Index Only Scan|Index Scan|Bitmap Index Scan) using (\\w+)");

    @Autowired
    RecipientResolver resolver;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCountScansTheSameIndexAsTheFanOutsStream() {
        GeoCircle brussels = new GeoCircle(50.85, 4.35, 40);
        MapSqlParameterSource params = resolver.volunteersQuery(brussels, DisclosureLevel.TARGETED)
                .addValue("policeAddresses", new String[] {"+32470000000"});
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);

        List<List<String>> plans = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
            return List.of(
                    jdbc.queryForList("explain " + RecipientResolver.VOLUNTEERS, params, String.class),
                    jdbc.queryForList("explain " + RecipientResolver.VOLUNTEERS_COUNTED, params, String.class));
        });

        String stream = String.join("\n", plans.get(0));
        String count = String.join("\n", plans.get(1));
        assertThat(indexesOf(count)).isNotEmpty().isEqualTo(indexesOf(stream)).containsOnly("volunteer_reach_nearby");
        assertThat(count).contains("Aggregate").doesNotContain("Seq Scan on volunteer_reach");
    }

    private static List<String> indexesOf(String plan) {
        Matcher scans = REACH_SCAN.matcher(plan);
        return scans.results().map(scan -> scan.group(2)).distinct().toList();
    }
}
