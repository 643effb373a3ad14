package han_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/zhenalign/zhenalign/internal/han"
)

func TestHan(t *testing.T) {
	for _, r := range "重慶〇𠀀" {
		assert.True(t, han.Is(r), "%q", r)
	}
	for _, r := range "a。，１ア한" {
		assert.False(t, han.Is(r), "%q", r)
	}
	assert.True(t, han.In("COVID-19疫情"))
	assert.False(t, han.In("COVID-19"))
	assert.Equal(t, 5, han.NonSpace(" a b\t中\u3000文 。"))
}
