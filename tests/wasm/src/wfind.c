/* wfind: walk directory trees, one line per entry: "d PATH", "f PATH SIZE" or "l PATH -> TARGET". */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int status;

static void walk(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) {
        fprintf(stderr, "wfind: %s: %s\n", path, strerror(errno));
        status = 1;
        return;
    }
    if (S_ISLNK(st.st_mode)) {
        char target[1024];
        ssize_t n = readlink(path, target, sizeof target - 1);
        target[n < 0 ? 0 : n] = 0;
        printf("l %s -> %s\n", path, target);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        printf("f %s %lld\n", path, (long long) st.st_size);
        return;
    }
    printf("d %s\n", path);
    DIR *d = opendir(path);
    if (d == NULL) {
        fprintf(stderr, "wfind: %s: %s\n", path, strerror(errno));
        status = 1;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        char child[1024];
        snprintf(child, sizeof child, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        walk(child);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: wfind DIR...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        walk(argv[i]);
    }
    return status;
}
