package review

import "errors"

// ErrSaveInUse reports a save file that another Server (in this process or
// another) is writing: two reviews saving to one file would overwrite each
// other's edits.
var ErrSaveInUse = errors.New("review: the save file is in use")
