// Command zhenalign-beam aligns many English–Chinese documents on an
// Apache Beam runner: zhenalign batch, spread over the workers of a
// cluster (Flink, Spark, Google Cloud Dataflow) or of one machine (Prism,
// the default). See package pipeline for what it does, and the README's
// "Scale-out on Apache Beam" for how to run it on each runner.
//
//	zhenalign-beam --input DIR|GLOB|MANIFEST --output PREFIX [--format jsonl] [--shards 4]
//	               [--runner prism|flink|spark|dataflow ...] [the flags of zhenalign batch]
//
// It finds the documents as zhenalign batch does (see pipeline.Plan): a
// folder, a glob (local, or gs://bucket/crawl/* on an object store), or a
// manifest listing one document a line (PATH, or EN_PATH<TAB>ZH_PATH, and
// an optional NAME column). It writes PREFIX-00000-of-00004.jsonl...,
// each shard a complete file of its format (moses: .en and .zh),
// PREFIX-failures.jsonl (the documents that failed, with the reason),
// PREFIX-counts.json (the counts the summary prints) and PREFIX-jobs.jsonl
// (the documents planned). The flags of zhenalign batch
// that choose how documents are read, aligned, filtered and written
// (--level, --presplit, --glossary, --dict, --types, --min-score,
// --zh-script, --dedup...) mean the same here; --dedup deduplicates
// within each shard. The exit status is 1 when a document failed (the
// others are written), 2 for a usage error.
package main
