package zhseg_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/zhseg"
)

func TestCut(t *testing.T) {
	seg, err := zhseg.Load(slices.Values([]string{"重庆", "白俄罗斯", "经贸", "投资", "领域", "合作", "促进", "与", "在", "等", "深化", "地方", "中", "白", "hello"}))
	require.NoError(t, err)
	assert.Equal(t, []string{"促进", "重庆", "与", "白俄罗斯", "在", "经贸", "、", "投资", "等", "领域", "合作"},
		seg.Cut("促进重庆与白俄罗斯在经贸、投资等领域合作"))
	assert.Empty(t, seg.Cut(""))
}

func TestLoadEmpty(t *testing.T) {
	_, err := zhseg.Load(slices.Values([]string{"", "abc"}))
	assert.ErrorIs(t, err, zhseg.ErrNoWords)
}
