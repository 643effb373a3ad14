//go:build unix

package review

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// lockSave takes the lock of the save file name: an advisory lock
// (flock) on name+".lock", which the system releases when the process
// ends, however it ends. The lock file is left in place: removing it
// would let a second process lock a new file while a third still holds
// the old one.
func lockSave(name string) (release func(), err error) {
	f, err := os.OpenFile(name+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("review: lock of %s: %w", name, err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: %s is being written by another review (its lock %s.lock is held): stop that one, or give another file", ErrSaveInUse, name, name)
		}
		return nil, fmt.Errorf("review: lock of %s: %w", name, err)
	}
	// The holder's process id, for whoever looks.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		unix.Flock(int(f.Fd()), unix.LOCK_UN)
		f.Close()
	}, nil
}
