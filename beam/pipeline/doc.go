// Package pipeline is zhenalign's batch as an Apache Beam pipeline: the
// same documents, aligned the same way (batch.AlignData, with the flags of
// package settings), spread over the workers of a Beam runner (Prism on one
// machine; Flink, Spark or Google Cloud Dataflow on a cluster) and written
// as sharded files.
//
// # The pipeline
//
// The program that launches a run plans the documents (batch.Discover,
// batch.PlanFiles or batch.ReadManifest) and lists them in a file next to
// the outputs (WriteJobs, JobsFile), so that the pipeline itself carries
// no list and scales to millions of documents. Build adds the transforms:
//
//	textio.Read(PREFIX-jobs.jsonl)       one line (a JSON batch.Job) per document
//	Reshuffle                            spread the documents over the workers
//	ParDo(alignFn) → units, failures     Setup builds the Aligner once per worker
//	                                     (glossary, dictionary); ProcessElement reads
//	                                     the files through Beam's file systems and
//	                                     calls batch.AlignData; the units of a
//	                                     document are keyed by its shard
//	Flatten(units, one marker per shard)
//	GroupByKey(shard)
//	ParDo(writeShardFn) → counts         filter, then write one complete file per
//	                                     shard: PREFIX-00000-of-00004.jsonl; emit
//	                                     the shard's Counts once it is written
//	ParDo(writeFailuresFn, Impulse,      every failure, path and reason, in
//	      side input: failures)          PREFIX-failures.jsonl
//	ParDo(writeCountsFn, Impulse,        the run's Counts in PREFIX-counts.json
//	      side inputs: counts, failures)
//
// A document goes to the shard ShardOf(name, shards), the FNV-1a hash of
// its name; a shard holds its documents in name order, each document's
// units in order, so that a run writes the same files whatever the runner
// and the number of workers. Every shard file is written, if need be
// empty (a valid empty file of its format), under a temporary name first,
// then renamed: a reader never sees half a shard.
//
// # Failures and metrics
//
// A document that fails (unreadable, empty, binary, no unit at the level
// asked for, a panic of the aligner) never stops the pipeline: it goes to
// the failures side output, written as JSON lines {"doc", "files",
// "error"}. The run's Counts (documents aligned, failures, units aligned
// and by link type, as zhenalign batch prints them, and the units written:
// kept by the filters and not left out by the format) are counted from
// the data the pipeline carries and written once every shard is, in
// PREFIX-counts.json (CountsFile, ReadCounts): they are exact on every
// runner. The Beam metrics of
// namespace "zhenalign" count the same for the runner's UI, while the job
// runs: the documents aligned ("documents"), the failures ("failures"),
// the units aligned ("units") and by link type ("units_1-1",
// "units_0-1"...), and the units written ("units_written"). Runners report
// metrics as they can (attempted or committed, retried and split bundles),
// so a metric may fall short of the count: Prism 2.77 keeps only one of the
// values of bundles that report a counter for the first time at the same
// moment, and it splits slow bundles, such as a shard's.
//
// # Filters
//
// Filters (--min-score, --types, --drop-*, --zh-script...) apply to each
// unit and give what zhenalign batch gives. Deduplication (--dedup) keeps
// the first of equal units within a shard only: a unit repeated in two
// shards is kept in both.
//
// Beam's Go SDK registers the DoFns of the package in init, as it needs
// to find them on the workers; the package has no other state.
package pipeline
