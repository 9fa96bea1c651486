// Package metrics keeps process-local counters and serves them as plain
// "name value" lines, enough for a scraper and free of dependencies.
package metrics

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
)

// Counter only goes up.
type Counter struct {
	v atomic.Int64
}

// Inc adds one.
func (c *Counter) Inc() { c.v.Add(1) }

// Add adds n (n must not be negative).
func (c *Counter) Add(n int64) {
	if n < 0 {
		panic("metrics: counters cannot decrease")
	}
	c.v.Add(n)
}

// Value is the current count.
func (c *Counter) Value() int64 { return c.v.Load() }

// Registry names counters.
type Registry struct {
	mu       sync.Mutex
	counters map[string]*Counter
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{counters: map[string]*Counter{}}
}

// Counter returns the counter called name, creating it on first use.
func (r *Registry) Counter(name string) *Counter {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.counters[name]
	if !ok {
		c = &Counter{}
		r.counters[name] = c
	}
	return c
}

// Handler serves every counter, sorted by name.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		r.mu.Lock()
		names := make([]string, 0, len(r.counters))
		for n := range r.counters {
			names = append(names, n)
		}
		r.mu.Unlock()
		sort.Strings(names)

		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		for _, n := range names {
			fmt.Fprintf(w, "%s %d\n", n, r.Counter(n).Value())
		}
	})
}
