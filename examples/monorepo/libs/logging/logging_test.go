package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"
)

func TestNewToWritesJSONWithServiceAndVersion(t *testing.T) {
	var buf bytes.Buffer
	NewTo(&buf, slog.LevelInfo, "orders", "1.2.3").Info("hello", "n", 1)

	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("not JSON: %q: %v", buf.String(), err)
	}
	if rec["service"] != "orders" || rec["version"] != "1.2.3" || rec["msg"] != "hello" {
		t.Fatalf("unexpected record: %v", rec)
	}
}

func TestParseLevel(t *testing.T) {
	cases := map[string]slog.Level{
		"":        slog.LevelInfo,
		"DEBUG":   slog.LevelDebug,
		"warning": slog.LevelWarn,
		"error":   slog.LevelError,
		"verbose": slog.LevelInfo,
	}
	for in, want := range cases {
		if got := ParseLevel(in); got != want {
			t.Errorf("ParseLevel(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFromFallsBackToDefault(t *testing.T) {
	if From(context.Background()) != slog.Default() {
		t.Fatal("expected slog.Default() without a logger in the context")
	}
	l := slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
	if From(WithLogger(context.Background(), l)) != l {
		t.Fatal("expected the logger stored in the context")
	}
}
