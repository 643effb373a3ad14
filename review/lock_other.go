//go:build !unix

package review

// lockSave does not lock on systems without flock: two reviews saving to
// one file there overwrite each other's edits.
func lockSave(name string) (release func(), err error) { return func() {}, nil }
