/* wfsops DIR: file-system calls one by one under DIR (made, then removed), one "ok N - what" or
 * "not ok N - what" line each, then "# passed P of N". Exit status 1 when one failed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int n, passed;
static char buf[1024];

static void ok(int cond, const char *what) {
    n++;
    if (cond) {
        passed++;
        printf("ok %d - %s\n", n, what);
    } else {
        printf("not ok %d - %s (errno %d: %s)\n", n, what, errno, strerror(errno));
    }
}

static const char *at(const char *dir, const char *name) {
    static char paths[4][1024];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, 1024, "%s/%s", dir, name);
    return p;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: wfsops DIR\n");
        return 2;
    }
    const char *d = argv[1];
    struct stat st;
    ok(mkdir(d, 0755) == 0, "mkdir");
    ok(mkdir(d, 0755) != 0 && errno == EEXIST, "mkdir again is EEXIST");

    int fd = open(at(d, "a"), O_RDWR | O_CREAT | O_EXCL, 0644);
    ok(fd >= 3, "create a");
    ok(write(fd, "hello, world\n", 13) == 13, "write 13 bytes");
    ok(lseek(fd, 0, SEEK_CUR) == 13, "lseek tells 13");
    ok(lseek(fd, 7, SEEK_SET) == 7, "lseek to 7");
    ok(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "world\n", 6) == 0, "read the rest");
    ok(pwrite(fd, "W", 1, 7) == 1, "pwrite at 7");
    ok(pread(fd, buf, 5, 7) == 5 && memcmp(buf, "World", 5) == 0, "pread sees it");
    ok(lseek(fd, 0, SEEK_CUR) == 13, "pread and pwrite leave the offset");
    ok(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 13, "fstat: a 13-byte file");
    ok(ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5, "ftruncate to 5");
    ok(close(fd) == 0, "close");
    ok(close(fd) != 0 && errno == EBADF, "close again is EBADF");

    ok(open(at(d, "a"), O_WRONLY | O_CREAT | O_EXCL, 0644) < 0 && errno == EEXIST, "O_EXCL on a file is EEXIST");
    ok(open(at(d, "none"), O_RDONLY) < 0 && errno == ENOENT, "a missing file is ENOENT");
    ok(open(d, O_WRONLY) < 0 && errno == EISDIR, "a directory for writing is EISDIR");
    ok(opendir(at(d, "a")) == NULL && errno == ENOTDIR, "opendir of a file is ENOTDIR");

    fd = open(at(d, "a"), O_WRONLY | O_APPEND);
    ok(fd >= 0 && write(fd, "!", 1) == 1 && close(fd) == 0, "O_APPEND write");
    ok(stat(at(d, "a"), &st) == 0 && st.st_size == 6, "it went to the end");

    ok(rename(at(d, "a"), at(d, "b")) == 0, "rename a to b");
    ok(stat(at(d, "a"), &st) != 0 && errno == ENOENT, "a is gone");
    ok(link(at(d, "b"), at(d, "c")) == 0, "link c to b");
    ok(stat(at(d, "b"), &st) == 0 && st.st_nlink == 2, "b has two links");
    ok(symlink("b", at(d, "s")) == 0, "symlink s -> b");
    ok(lstat(at(d, "s"), &st) == 0 && S_ISLNK(st.st_mode), "lstat sees a link");
    ok(stat(at(d, "s"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 6, "stat follows it");
    memset(buf, 0, sizeof buf);
    ok(readlink(at(d, "s"), buf, sizeof buf) == 1 && strcmp(buf, "b") == 0, "readlink says b");
    ok(open(at(d, "s"), O_RDONLY | O_NOFOLLOW) < 0 && errno == ELOOP, "O_NOFOLLOW on a link is ELOOP");

    struct timespec ts[2] = {{1000000000, 0}, {1234567890, 0}};
    ok(utimensat(AT_FDCWD, at(d, "b"), ts, 0) == 0, "utimensat");
    ok(stat(at(d, "b"), &st) == 0 && st.st_mtim.tv_sec == 1234567890 && st.st_atim.tv_sec == 1000000000,
       "the times are set");
    fd = open(at(d, "b"), O_RDONLY);
    struct timespec ts2[2] = {{0, UTIME_OMIT}, {5, 0}};
    ok(fd >= 0 && futimens(fd, ts2) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec == 5
       && st.st_atim.tv_sec == 1000000000, "futimens sets one and leaves the other");
    close(fd);

    ok(mkdir(at(d, "sub"), 0755) == 0, "mkdir sub");
    int dfd = open(at(d, "sub"), O_RDONLY | O_DIRECTORY);
    ok(dfd >= 0, "open sub as a directory");
    int sfd = openat(dfd, "inner", O_WRONLY | O_CREAT, 0644);
    ok(sfd >= 0 && write(sfd, "x", 1) == 1 && close(sfd) == 0, "openat under a directory descriptor");
    ok(stat(at(d, "sub/inner"), &st) == 0 && st.st_size == 1, "the file is there");
    ok(fstatat(dfd, "inner", &st, 0) == 0 && st.st_size == 1, "fstatat under it");
    ok(close(dfd) == 0, "close sub");
    ok(rmdir(at(d, "sub")) != 0 && errno == ENOTEMPTY, "rmdir of a full directory is ENOTEMPTY");
    ok(unlink(at(d, "sub/inner")) == 0 && rmdir(at(d, "sub")) == 0, "empty it and rmdir");

    int names = 0;
    DIR *dir = opendir(d);
    struct dirent *e;
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        names++;
    }
    ok(names == 5, "readdir: . .. b c s");
    rewinddir(dir);
    int again = 0;
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        again++;
    }
    ok(again == names, "rewinddir reads them again");
    closedir(dir);

    ok(unlink(at(d, "b")) == 0 && unlink(at(d, "c")) == 0 && unlink(at(d, "s")) == 0, "unlink b c s");
    ok(rmdir(d) == 0, "rmdir");
    printf("# passed %d of %d\n", passed, n);
    return passed == n ? 0 : 1;
}
