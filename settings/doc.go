// Package settings holds what a run of the aligner is told, and the
// command-line flags that tell it: how documents are read and aligned
// ([Alignment], with [Input]) and how the units are filtered and written
// ([Output]). The zhenalign command and the Apache Beam pipeline (the
// module in beam/) declare their flags here and turn them into options of
// packages align, input and corpus here, so that the same flag means the
// same thing in both.
//
//	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
//	al := settings.NewAlignment(fs)
//	out := settings.NewOutput(fs, "jsonl", settings.Formats)
//	fs.Parse(args)
//	if err := errors.Join(al.Check(), out.Check()); err != nil { … }
//	opts, err := al.Options()    // align.Options, glossary and dictionary loaded
//	filter, err := out.Filter()  // corpus.Filter
//	w, err := out.NewWriter(file, al.Level, false, version)
//
// What depends on where the command runs (standard output being a
// terminal, files that exist) is checked by the command, not here. Errors
// of a value given to a flag match ErrFlag (errors.Is) and say which flag.
package settings
