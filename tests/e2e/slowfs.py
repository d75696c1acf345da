#!/usr/bin/python3
"""A FUSE filesystem for tests: a read-only view of ROOT mounted at MOUNT whose
chosen operations are slow or hang, as a dead NFS server or wedged FUSE daemon is.

  slowfs.py ROOT MOUNT [--read-delay NAME=SECONDS ...] [--statfs-hang]

--read-delay: reads of files named NAME sleep SECONDS first.
--statfs-hang: statfs() blocks until the filesystem is unmounted.
Run in the foreground; unmount with `fusermount -u MOUNT` (or kill it)."""
import argparse
import errno
import os
import threading
import time

import fusepy


class SlowFS(fusepy.Operations):
    def __init__(self, root, delays, statfs_hang):
        self.root = root
        self.delays = delays
        self.statfs_hang = statfs_hang
        self.stop = threading.Event()

    def _path(self, path):
        return os.path.join(self.root, path.lstrip("/"))

    def getattr(self, path, fh=None):
        try:
            st = os.lstat(self._path(path))
        except OSError as e:
            raise fusepy.FuseOSError(e.errno)
        return {k: getattr(st, k) for k in ("st_mode", "st_nlink", "st_size", "st_uid", "st_gid",
                                              "st_atime", "st_mtime", "st_ctime")}

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._path(path))

    def readlink(self, path):
        return os.readlink(self._path(path))

    def open(self, path, flags):
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise fusepy.FuseOSError(errno.EROFS)
        return os.open(self._path(path), os.O_RDONLY)

    def read(self, path, size, offset, fh):
        delay = self.delays.get(os.path.basename(path))
        if delay and offset == 0:
            self.stop.wait(delay)
        os.lseek(fh, offset, os.SEEK_SET)
        return os.read(fh, size)

    def release(self, path, fh):
        os.close(fh)
        return 0

    def statfs(self, path):
        if self.statfs_hang:
            self.stop.wait(3600)
        st = os.statvfs(self._path(path))
        return {k: getattr(st, k) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail",
                                              "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax")}

    def destroy(self, path):
        self.stop.set()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("root")
    p.add_argument("mount")
    p.add_argument("--read-delay", action="append", default=[])
    p.add_argument("--statfs-hang", action="store_true")
    a = p.parse_args()
    delays = {}
    for d in a.read_delay:
        name, secs = d.split("=")
        delays[name] = float(secs)
    fusepy.FUSE(SlowFS(a.root, delays, a.statfs_hang), a.mount, foreground=True, nothreads=False,
                ro=True, fsname="slowfs")


if __name__ == "__main__":
    main()
