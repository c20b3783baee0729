/* An LD_PRELOAD shim that records what a power cut would leave on the disk.
 *
 * Model: after a power loss a file holds exactly what it held at its last fsync/fdatasync;
 * a file never synced does not exist; a file unlinked is gone. So before each real fsync or
 * fdatasync of a regular file directly inside $POWERLOSS_WATCH, the file's whole current
 * content is copied to $POWERLOSS_SHADOW/<its name> (written to a temporary name, then
 * renamed over the last copy: a kill during the copy leaves the previous one). unlink() of
 * a watched file removes its copy. Every call is logged to $POWERLOSS_LOG as
 * "<call> <size> <path>" so the test can prove the shim was reached.
 *
 * The shadow copies are never synced themselves: the process under test is killed, the
 * machine keeps running, so the page cache is as good as the platter here.
 * A failed copy aborts the process: a silently missing copy would make the model lie.
 *
 * Build: gcc -shared -fPIC -o shim.so shim.c -ldl  (tests/crash_writer.py: build_shim)
 * Only the calls SQLite makes through the dynamic linker are seen: it must be linked
 * dynamically (libsqlite3.so.0, as Python's _sqlite3 is here); the test proves the calls
 * were seen by counting them.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *env(const char *name)
{
    const char *value = getenv(name);
    return value && *value ? value : NULL;
}

static void *real(const char *name)
{
    void *fn = dlsym(RTLD_NEXT, name);
    if (!fn) {
        fprintf(stderr, "powerloss shim: no %s in libc\n", name);
        abort();
    }
    return fn;
}

static void fail(const char *what, const char *path)
{
    fprintf(stderr, "powerloss shim: %s %s: %s\n", what, path, strerror(errno));
    abort();
}

/* out = a/b (or a/.b.PID.tmp for a temporary name); a path too long aborts. */
static void join(char *out, const char *a, const char *b, int tmp)
{
    int n = tmp ? snprintf(out, PATH_MAX, "%s/.%s.%d.tmp", a, b, (int)getpid())
                : snprintf(out, PATH_MAX, "%s/%s", a, b);
    if (n < 0 || n >= PATH_MAX) {
        errno = ENAMETOOLONG;
        fail("path", b);
    }
}

static void log_call(const char *call, long long size, const char *path)
{
    const char *log = env("POWERLOSS_LOG");
    if (!log)
        return;
    char line[PATH_MAX + 64];
    int n = snprintf(line, sizeof line, "%s %lld %s\n", call, size, path);
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("open log", log);
    if (write(fd, line, (size_t)n) != n)  /* O_APPEND: one line per write, whole */
        fail("write log", log);
    close(fd);
}

/* The file's name if `path` lies directly inside $POWERLOSS_WATCH, else NULL. */
static const char *watched_name(const char *path)
{
    const char *dir = env("POWERLOSS_WATCH");
    if (!dir)
        return NULL;
    size_t n = strlen(dir);
    if (strncmp(path, dir, n) != 0 || path[n] != '/' || strchr(path + n + 1, '/'))
        return NULL;
    return path + n + 1;
}

static void copy_to_shadow(int fd, const char *path, const char *name)
{
    const char *shadow = env("POWERLOSS_SHADOW");
    if (!shadow)
        return;
    char tmp[PATH_MAX], dest[PATH_MAX], self[64];
    join(tmp, shadow, name, 1);
    join(dest, shadow, name, 0);
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    int in = open(self, O_RDONLY | O_CLOEXEC);  /* the same file, even if opened write-only */
    if (in < 0)
        fail("reopen", path);
    int out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0)
        fail("create", tmp);
    char buf[1 << 16];
    ssize_t got;
    while ((got = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0; done < got;) {
            ssize_t put = write(out, buf + done, (size_t)(got - done));
            if (put < 0)
                fail("write", tmp);
            done += put;
        }
    }
    if (got < 0)
        fail("read", path);
    close(in);
    if (close(out) != 0)
        fail("close", tmp);
    if (rename(tmp, dest) != 0)
        fail("rename", dest);
}

static void before_sync(const char *call, int fd)
{
    char self[64], path[PATH_MAX];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(self, path, sizeof path - 1);
    if (n < 0) {
        log_call(call, -1, "?");
        return;
    }
    path[n] = '\0';
    struct stat st;
    if (fstat(fd, &st) != 0) {
        log_call(call, -1, path);
        return;
    }
    const char *name = watched_name(path);
    if (name && S_ISREG(st.st_mode) && st.st_nlink > 0)  /* an unlinked file is gone anyway */
        copy_to_shadow(fd, path, name);
    log_call(call, S_ISREG(st.st_mode) ? (long long)st.st_size : -1, path);
}

int fsync(int fd)
{
    static int (*next)(int);
    if (!next)
        next = (int (*)(int))real("fsync");
    before_sync("fsync", fd);
    return next(fd);
}

int fdatasync(int fd)
{
    static int (*next)(int);
    if (!next)
        next = (int (*)(int))real("fdatasync");
    before_sync("fdatasync", fd);
    return next(fd);
}

int unlink(const char *pathname)
{
    static int (*next)(const char *);
    if (!next)
        next = (int (*)(const char *))real("unlink");
    char full[PATH_MAX];
    if (pathname[0] == '/') {
        snprintf(full, sizeof full, "%s", pathname);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            fail("getcwd", pathname);
        join(full, cwd, pathname, 0);
    }
    int result = next(pathname);
    const char *name = watched_name(full);
    const char *shadow = env("POWERLOSS_SHADOW");
    if (result == 0 && name && shadow) {
        char copy[PATH_MAX];
        join(copy, shadow, name, 0);
        if (next(copy) != 0 && errno != ENOENT)
            fail("unlink", copy);
        log_call("unlink", -1, full);
    }
    return result;
}
