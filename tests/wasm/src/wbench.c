/* wbench ROUNDS: compute only, no system calls until the end: ROUNDS sieves of Eratosthenes up to
 * 1,000,000 and ROUNDS x 10 million steps of an integer hash; prints the results. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 1000000

static unsigned char composite[LIMIT + 1];

static int sieve(void) {
    memset(composite, 0, sizeof composite);
    int primes = 0;
    for (int i = 2; i <= LIMIT; i++) {
        if (!composite[i]) {
            primes++;
            for (long j = (long) i * i; j <= LIMIT; j += i) {
                composite[j] = 1;
            }
        }
    }
    return primes;
}

static uint64_t hash(uint64_t steps, uint64_t h) {
    for (uint64_t i = 0; i < steps; i++) {
        h ^= i;
        h *= 0x100000001b3ULL;
        h ^= h >> 29;
    }
    return h;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 1;
    int primes = 0;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int r = 0; r < rounds; r++) {
        primes = sieve();
        h = hash(10 * 1000 * 1000, h);
    }
    printf("primes %d hash %016llx\n", primes, (unsigned long long) h);
    return 0;
}
