/* wclock: clocks, sleeping and randomness, one "ok"/"not ok" line each. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int n, passed;

static void ok(int cond, const char *what) {
    n++;
    passed += cond != 0;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", n, what);
}

static int64_t nanos(clockid_t c) {
    struct timespec t;
    if (clock_gettime(c, &t) != 0) {
        return -1;
    }
    return (int64_t) t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(void) {
    struct timespec res;
    ok(clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0, "clock_getres");
    int64_t now = nanos(CLOCK_REALTIME);
    ok(now / 1000000000 > 1600000000, "the real time is after 2020");
    ok(labs((long) (time(NULL) - now / 1000000000)) <= 1, "time() agrees");
    int64_t m0 = nanos(CLOCK_MONOTONIC);
    struct timespec nap = {0, 50 * 1000000};
    ok(nanosleep(&nap, NULL) == 0, "nanosleep 50 ms");
    int64_t m1 = nanos(CLOCK_MONOTONIC);
    ok(m1 - m0 >= 50 * 1000000, "the monotonic clock moved 50 ms or more");
    ok(m1 - m0 < 5000 * 1000000LL, "and less than 5 s");
    usleep(1000);
    ok(nanos(CLOCK_MONOTONIC) > m1, "usleep");
    ok(poll(NULL, 0, 20) == 0 && nanos(CLOCK_MONOTONIC) - m1 >= 20 * 1000000, "poll with no descriptors waits 20 ms");
    ok(nanos(CLOCK_PROCESS_CPUTIME_ID) > 0, "the process has used CPU time");

    unsigned char a[64], b[64], zero[64] = {0};
    ok(getentropy(a, sizeof a) == 0 && getentropy(b, sizeof b) == 0, "getentropy twice");
    ok(memcmp(a, b, sizeof a) != 0 && memcmp(a, zero, sizeof a) != 0, "two different, non-zero draws");
    srand(1);
    int r = rand();
    srand(1);
    ok(rand() == r, "rand is repeatable");
    ok(arc4random() != arc4random() || arc4random() != arc4random(), "arc4random varies");
    printf("# passed %d of %d\n", passed, n);
    return passed == n ? 0 : 1;
}
