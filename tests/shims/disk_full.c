/* A disk that fills up: LD_PRELOAD this and every write to a file under $DISK_FULL_DIR
 * fails with ENOSPC once $DISK_FULL_AFTER bytes have been written there by this process
 * (0: at once). Writes elsewhere pass through. $DISK_FULL_LOG, when set, gets one line per
 * refused write, so a test can prove the shim was reached and not merely loaded.
 * Built by tests/unit/test_storage_safety.py with: gcc -shared -fPIC -o X.so disk_full.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long long written = 0;

static int refused(int fd, size_t count) {
    const char *dir = getenv("DISK_FULL_DIR");
    if (dir == NULL || count == 0) return 0;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return 0;
    target[n] = 0;
    if (strncmp(target, dir, strlen(dir)) != 0) return 0;
    long long limit = atoll(getenv("DISK_FULL_AFTER") ? getenv("DISK_FULL_AFTER") : "0");
    if (written + (long long)count <= limit) {
        written += (long long)count;
        return 0;
    }
    const char *log = getenv("DISK_FULL_LOG");
    if (log != NULL) {
        int (*real_open)(const char *, int, ...) = dlsym(RTLD_NEXT, "open");
        ssize_t (*real_write)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
        int lfd = real_open(log, O_WRONLY | O_APPEND | O_CREAT, 0644);
        if (lfd >= 0) {
            char line[4200];
            int len = snprintf(line, sizeof line, "ENOSPC %s\n", target);
            real_write(lfd, line, (size_t)len);
            close(lfd);
        }
    }
    errno = ENOSPC;
    return 1;
}

ssize_t write(int fd, const void *buf, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = dlsym(RTLD_NEXT, "write");
    if (refused(fd, count)) return -1;
    return real(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite");
    if (refused(fd, count)) return -1;
    return real(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real) real = dlsym(RTLD_NEXT, "pwrite64");
    if (refused(fd, count)) return -1;
    return real(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
    static ssize_t (*real)(int, const struct iovec *, int);
    if (!real) real = dlsym(RTLD_NEXT, "writev");
    size_t total = 0;
    for (int i = 0; i < iovcnt; i++) total += iov[i].iov_len;
    if (refused(fd, total)) return -1;
    return real(fd, iov, iovcnt);
}
