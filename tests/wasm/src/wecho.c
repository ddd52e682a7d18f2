/* wecho [-e NAME...] ARGS: prints its arguments one per line ("argv[I]=..."), then, with -e, the
 * value of each environment variable named ("NAME=value" or "NAME unset"), else the number of
 * environment entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    int i = 1;
    if (argc > 1 && strcmp(argv[1], "-e") == 0) {
        for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
            const char *v = getenv(argv[i]);
            if (v == NULL) {
                printf("%s unset\n", argv[i]);
            } else {
                printf("%s=%s\n", argv[i], v);
            }
        }
        i++;
    } else {
        int env = 0;
        while (environ[env] != NULL) {
            env++;
        }
        printf("environ: %d entries\n", env);
    }
    printf("argc=%d\n", argc);
    for (int k = 0; k < argc; k++) {
        if (k == 0 || k >= i) {
            printf("argv[%d]=%s\n", k, argv[k]);
        }
    }
    return 0;
}
