// Package config reads a service's settings from its environment, with
// defaults, and names the variable in every error.
package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Source looks a key up; os.LookupEnv in production, a map in tests.
type Source func(key string) (string, bool)

// Env is the process environment.
var Env Source = os.LookupEnv

// Map is a Source backed by a map.
func Map(m map[string]string) Source {
	return func(key string) (string, bool) {
		v, ok := m[key]
		return v, ok
	}
}

// String returns the value of key, or fallback when unset or empty.
func (s Source) String(key, fallback string) string {
	if v, ok := s(key); ok && v != "" {
		return v
	}
	return fallback
}

// Int returns key as an integer, or fallback when unset or empty.
func (s Source) Int(key string, fallback int) (int, error) {
	v := s.String(key, "")
	if v == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("config: %s=%q is not an integer", key, v)
	}
	return n, nil
}

// Duration returns key as a time.Duration ("1m30s"), or fallback when unset or empty.
func (s Source) Duration(key string, fallback time.Duration) (time.Duration, error) {
	v := s.String(key, "")
	if v == "" {
		return fallback, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("config: %s=%q is not a duration like 1m30s", key, v)
	}
	return d, nil
}
