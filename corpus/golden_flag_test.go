package corpus_test

import "flag"

// update rewrites the golden files of this package's tests:
// go test ./corpus -update (then review the diff).
var update = flag.Bool("update", false, "rewrite the golden files in testdata")
