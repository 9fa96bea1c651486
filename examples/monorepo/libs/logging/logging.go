// Package logging gives every service the same structured JSON logs on stderr,
// so log pipelines can parse any service's output the same way.
package logging

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
)

// New returns a JSON logger on stderr tagged with the service name and version.
// LOG_LEVEL (debug, info, warn, error) sets the minimum level; info by default.
func New(service, version string) *slog.Logger {
	return NewTo(os.Stderr, ParseLevel(os.Getenv("LOG_LEVEL")), service, version)
}

// NewTo is New with an explicit destination and level, for tests and tools.
func NewTo(w io.Writer, level slog.Level, service, version string) *slog.Logger {
	h := slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level})
	return slog.New(h).With("service", service, "version", version)
}

// ParseLevel maps a LOG_LEVEL value to a level; unknown values mean info
// because a typo in an environment variable should not silence a service.
func ParseLevel(s string) slog.Level {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug
	case "warn", "warning":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	default:
		return slog.LevelInfo
	}
}

type ctxKey struct{}

// WithLogger returns a context carrying l, typically a request-scoped logger.
func WithLogger(ctx context.Context, l *slog.Logger) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// From returns the logger carried by ctx, or slog.Default() if there is none.
func From(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(ctxKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}
