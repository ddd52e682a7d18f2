/* wstat DIR COUNT: makes DIR with COUNT files of 0..COUNT-1 bytes, stats each, lists DIR,
 * removes them all; prints what it saw. Every check that fails is a "not ok" line. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *path) {
    if (!ok) {
        printf("not ok %s %s: %s\n", what, path, strerror(errno));
        failed = 1;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: wstat DIR COUNT\n");
        return 2;
    }
    const char *dir = argv[1];
    int count = atoi(argv[2]);
    char path[1024];
    char data[4096];
    memset(data, 'x', sizeof data);
    check(mkdir(dir, 0755) == 0, "mkdir", dir);
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/f%04d", dir, i);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        check(fd >= 0, "create", path);
        check(write(fd, data, i % sizeof data) == (ssize_t) (i % sizeof data), "write", path);
        close(fd);
    }
    int statted = 0;
    for (int i = 0; i < count; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/f%04d", dir, i);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == (off_t) (i % sizeof data)) {
            statted++;
        } else {
            check(0, "stat", path);
        }
    }
    int listed = 0;
    DIR *d = opendir(dir);
    check(d != NULL, "opendir", dir);
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        listed += e->d_name[0] == 'f';
    }
    if (d != NULL) {
        closedir(d);
    }
    int removed = 0;
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/f%04d", dir, i);
        if (unlink(path) == 0) {
            removed++;
        } else {
            check(0, "unlink", path);
        }
    }
    check(rmdir(dir) == 0, "rmdir", dir);
    printf("created %d, stat %d, listed %d, removed %d\n", count, statted, listed, removed);
    return failed;
}
