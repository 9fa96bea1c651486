package config

import (
	"strings"
	"testing"
	"time"
)

func TestDefaultsAndValues(t *testing.T) {
	src := Map(map[string]string{"NAME": "orders", "EMPTY": "", "N": "42", "D": "1m30s"})
	if got := src.String("NAME", "x"); got != "orders" {
		t.Errorf("String = %q", got)
	}
	if got := src.String("EMPTY", "fallback"); got != "fallback" {
		t.Errorf("empty value should fall back, got %q", got)
	}
	if n, err := src.Int("N", 0); n != 42 || err != nil {
		t.Errorf("Int = %d, %v", n, err)
	}
	if n, err := src.Int("MISSING", 7); n != 7 || err != nil {
		t.Errorf("Int fallback = %d, %v", n, err)
	}
	if d, err := src.Duration("D", 0); d != 90*time.Second || err != nil {
		t.Errorf("Duration = %v, %v", d, err)
	}
}

func TestErrorsNameTheVariable(t *testing.T) {
	src := Map(map[string]string{"N": "many", "D": "soon"})
	if _, err := src.Int("N", 0); err == nil || !strings.Contains(err.Error(), "N=\"many\"") {
		t.Errorf("Int error = %v", err)
	}
	if _, err := src.Duration("D", 0); err == nil || !strings.Contains(err.Error(), "D=\"soon\"") {
		t.Errorf("Duration error = %v", err)
	}
}
