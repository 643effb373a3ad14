package pinyin_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/zhenalign/zhenalign/internal/pinyin"
)

func TestReadings(t *testing.T) {
	assert.Subset(t, pinyin.Readings('重'), []string{"zhong", "chong"})
	assert.Contains(t, pinyin.Readings('慶'), "qing")
	assert.Contains(t, pinyin.Readings('吕'), "lv")
	assert.Nil(t, pinyin.Readings('a'))
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		word string
		want [][]string
	}{
		{"chongqing", [][]string{{"chong", "qing"}}},
		{"wang", [][]string{{"wang"}}},
		{"xian", [][]string{{"xian"}, {"xi", "an"}}},
		{"belarus", nil},
		{"lyu", [][]string{{"lyu"}}},
		{"", nil},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", nil}, // no exponential search
	} {
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.want, pinyin.Split(tc.word, 3))
		})
	}
}

func TestToneless(t *testing.T) {
	assert.Equal(t, "jing", pinyin.Toneless("jīng"))
	assert.Equal(t, "lv", pinyin.Toneless("lǚ"))
	assert.Equal(t, "ascii", pinyin.Toneless("ascii"))
	assert.True(t, pinyin.IsSyllable("zhuang"))
	assert.False(t, pinyin.IsSyllable("ng"), "interjections are not name syllables")
}

func TestFromWadeGiles(t *testing.T) {
	for _, tc := range []struct {
		wg string
		py []string
	}{
		{"kuo", []string{"guo", "kuo"}}, {"hwa", []string{"hua"}}, {"shih", []string{"shi"}},
		{"ch'un", []string{"chun"}}, {"jen", []string{"ren"}}, {"hsu", []string{"xu"}},
		{"shui", []string{"shui"}}, {"teh", []string{"de"}}, {"ch'iu", []string{"qiu"}},
		{"ch'uang", []string{"chuang"}}, {"huan", []string{"huan"}}, {"chiang", []string{"jiang", "qiang"}},
		{"chou", []string{"zhou", "chou"}}, {"hsieh", []string{"xie"}}, {"tsai", []string{"zai", "cai"}},
		{"tzu", []string{"zi"}}, {"chih", []string{"zhi", "chi"}}, {"ch'ih", []string{"chi"}},
		{"kuei", []string{"gui", "kui"}}, {"yen", []string{"yan"}}, {"lien", []string{"lian"}},
		{"hsiung", []string{"xiong"}}, {"jung", []string{"rong"}}, {"chung", []string{"zhong", "chong"}},
		{"ko", []string{"ge", "ke"}}, {"k'o", []string{"ke"}}, {"t'ai", []string{"tai"}}, {"ch’ing", []string{"qing"}},
	} {
		assert.Equal(t, tc.py, pinyin.FromWadeGiles(tc.wg), tc.wg)
	}
	assert.Nil(t, pinyin.FromWadeGiles("london"))
}
