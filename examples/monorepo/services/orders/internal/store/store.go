// Package store keeps orders in memory; a real deployment would use a
// database, which is beside the point of this example.
package store

import (
	"fmt"
	"sync"

	"example.com/monorepo/services/orders/internal/order"
)

// Store is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	orders map[string]order.Order
	next   int
}

// New returns an empty store.
func New() *Store {
	return &Store{orders: map[string]order.Order{}}
}

// Create stores o under a new ID and returns it with that ID.
func (s *Store) Create(o order.Order) order.Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	o.ID = fmt.Sprintf("o-%d", s.next)
	s.orders[o.ID] = o
	return o
}

// Get returns the order with id.
func (s *Store) Get(id string) (order.Order, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.orders[id]
	return o, ok
}
