/* wread FILE CHUNK: reads FILE with read(2) of CHUNK bytes at a time (no stdio buffering: one
 * system call per chunk) and prints the bytes, the reads and a checksum. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: wread FILE CHUNK\n");
        return 2;
    }
    int chunk = atoi(argv[2]);
    if (chunk <= 0 || chunk > 65536) {
        fprintf(stderr, "wread: chunk %s: 1..65536\n", argv[2]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "wread: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    static unsigned char buf[65536];
    uint64_t bytes = 0, reads = 0, sum = 0;
    ssize_t got;
    while ((got = read(fd, buf, chunk)) > 0) {
        reads++;
        bytes += got;
        for (ssize_t i = 0; i < got; i++) {
            sum = sum * 31 + buf[i];
        }
    }
    if (got < 0) {
        fprintf(stderr, "wread: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    printf("bytes %llu reads %llu sum %016llx\n", (unsigned long long) bytes, (unsigned long long) reads,
           (unsigned long long) sum);
    return 0;
}
