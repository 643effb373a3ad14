package main

import (
	"github.com/zhenalign/zhenalign/segment"
)

// langName names a side's language in messages.
func langName(l segment.Lang) string {
	switch l {
	case segment.English:
		return "English"
	case segment.Chinese:
		return "Chinese"
	}
	return "other"
}
