/* wexit CODE | abort | trap | divzero | spin | sleep SECONDS: ends as told. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

volatile int zero, hundred = 100;

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: wexit CODE|abort|trap|divzero|spin|sleep SECONDS\n");
        return 2;
    }
    if (strcmp(argv[1], "abort") == 0) {
        abort();
    }
    if (strcmp(argv[1], "trap") == 0) {
        __builtin_trap();
    }
    if (strcmp(argv[1], "divzero") == 0) {
        printf("%d\n", hundred / zero);
        return 0;
    }
    if (strcmp(argv[1], "spin") == 0) {
        printf("spinning\n");
        fflush(stdout);
        for (volatile unsigned long i = 0;; i++) {
        }
    }
    if (strcmp(argv[1], "sleep") == 0) {
        sleep(argc > 2 ? atoi(argv[2]) : 60);
        return 0;
    }
    printf("exiting with %d\n", atoi(argv[1]));
    exit(atoi(argv[1]));
}
