package ua.hromada.crm.api;

import java.time.YearMonth;

/** Cases registered in one month under one topic (a service or a queue group). */
public record TopicMonth(YearMonth month, String topic, long cases) {
}
