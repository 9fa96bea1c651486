// Package stock holds stock levels and reserves items atomically.
package stock

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"example.com/monorepo/libs/httpx"
)

// ErrInsufficient is returned when a reservation exceeds the stock level.
var ErrInsufficient = errors.New("insufficient stock")

// Levels is safe for concurrent use.
type Levels struct {
	mu     sync.Mutex
	levels map[string]int
}

// New returns stock levels starting at initial.
func New(initial map[string]int) *Levels {
	l := &Levels{levels: make(map[string]int, len(initial))}
	for sku, n := range initial {
		l.levels[sku] = n
	}
	return l
}

// Level is the stock of sku (0 for unknown SKUs).
func (l *Levels) Level(sku string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.levels[sku]
}

// Reserve takes n items of sku, or nothing if there are fewer than n.
func (l *Levels) Reserve(sku string, n int) error {
	if n <= 0 {
		return fmt.Errorf("reserve %d of %s: quantity must be positive", n, sku)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.levels[sku] < n {
		return fmt.Errorf("reserve %d of %s (have %d): %w", n, sku, l.levels[sku], ErrInsufficient)
	}
	l.levels[sku] -= n
	return nil
}

// Handler serves GET /stock/{sku} and POST /stock/{sku}/reservations {"quantity": n}.
func Handler(l *Levels) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /stock/{sku}", func(w http.ResponseWriter, r *http.Request) {
		sku := r.PathValue("sku")
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"sku": sku, "level": l.Level(sku)})
	})
	mux.HandleFunc("POST /stock/{sku}/reservations", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Quantity int `json:"quantity"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, "invalid JSON: "+err.Error(), http.StatusBadRequest)
			return
		}
		err := l.Reserve(r.PathValue("sku"), body.Quantity)
		switch {
		case errors.Is(err, ErrInsufficient):
			http.Error(w, err.Error(), http.StatusConflict)
		case err != nil:
			http.Error(w, err.Error(), http.StatusBadRequest)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	return mux
}
