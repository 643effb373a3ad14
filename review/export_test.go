package review

import (
	"io"
	"os"
)

// SaveWith saves as Save does, the content written by write (for tests
// of failures midway).
func SaveWith(name string, d *Doc, write func(*os.File) error) error {
	return save(name, func(w io.Writer) error { return write(w.(*os.File)) })
}
