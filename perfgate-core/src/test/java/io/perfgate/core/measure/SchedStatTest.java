package io.perfgate.core.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedStatTest {

    @Test
    void theSecondFieldIsTheRunQueueWait() {
        assertEquals(OptionalLong.of(170_219_244L), SchedStat.waitNanos("11833827277 170219244 257\n"));
        assertEquals(OptionalLong.of(0), SchedStat.waitNanos("  5 0 1 "));
    }

    @Test
    void textThatIsNoSchedstatLineGivesNothing() {
        assertEquals(OptionalLong.empty(), SchedStat.waitNanos(null));
        assertEquals(OptionalLong.empty(), SchedStat.waitNanos(""));
        assertEquals(OptionalLong.empty(), SchedStat.waitNanos("11833827277 170219244"));
        assertEquals(OptionalLong.empty(), SchedStat.waitNanos("a b c"));
        assertEquals(OptionalLong.empty(), SchedStat.waitNanos("1 -5 2"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxReportsTheCallingThreadsWaitAndItOnlyGrows() {
        assertTrue(SchedStat.available(), "/proc/thread-self/schedstat should be readable on Linux");
        long first = SchedStat.currentThreadWaitNanos();
        long second = SchedStat.currentThreadWaitNanos();
        assertTrue(first >= 0, "wait " + first);
        assertTrue(second >= first, first + " then " + second);
    }
}
