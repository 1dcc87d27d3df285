package org.childalert.notifications.web;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18: a failure of the service itself is a 500 with a correlation id and no internals, a database that is
 * down a 503 with Retry-After; both answered here, never forwarded to the error page (where the authorization
 * rules turned them into "403 Your role does not allow this request").
 */
class ApiErrorsTests {

    @RestController
    static class Failing {

        /** A database on a port where nothing listens: the driver's own failure, not a mock of it. */
        private final JdbcClient downDatabase = JdbcClient.create(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/notifications?connectTimeout=2", "x", "x"));

        @GetMapping("/test/repository-bug")
        String repositoryBug() {
            throw new IllegalStateException("relation \"volunteer_secret\" does not exist at org.childalert.Internal");
        }

        @GetMapping("/test/broker-down")
        String brokerDown() {
            throw new IllegalStateException("publishing failed",
                    new AmqpConnectException(new ConnectException("Connection refused to 10.0.0.7:5672")));
        }

        @GetMapping("/test/database-down")
        Long databaseDown() {
            return downDatabase.sql("select count(*) from volunteer").query(Long.class).single();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiErrors()).build();

    @Test
    void anUnexpectedFailureIs500WithACorrelationIdAndNoInternals() throws Exception {
        mvc.perform(get("/test/repository-bug").header("X-Request-Id", "req-42"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.traceId").value("req-42"))
                .andExpect(jsonPath("$.detail").value(containsString("req-42")))
                .andExpect(content().string(not(containsString("volunteer_secret"))))
                .andExpect(content().string(not(containsString("org.childalert"))));
    }

    @Test
    void anUnexpectedFailureWithoutARequestIdStillGetsOne() throws Exception {
        mvc.perform(get("/test/repository-bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    @Test
    void aBrokerThatIsDownIs503WithRetryAfter() throws Exception {
        mvc.perform(get("/test/broker-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().string(not(containsString("10.0.0.7"))));
    }

    @Test
    void aDatabaseThatIsDownIs503WithRetryAfter() throws Exception {
        mvc.perform(get("/test/database-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.traceId").isNotEmpty())
                .andExpect(content().string(not(containsString("127.0.0.1"))));
    }
}
