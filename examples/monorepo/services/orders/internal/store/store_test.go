// The store is tested from outside its package, through its exported API only.
package store_test

import (
	"sync"
	"testing"

	"example.com/monorepo/services/orders/internal/order"
	"example.com/monorepo/services/orders/internal/store"
)

func TestCreateAssignsDistinctIDs(t *testing.T) {
	s := store.New()
	var wg sync.WaitGroup
	ids := make(chan string, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids <- s.Create(order.Order{Customer: "c"}).ID
		}()
	}
	wg.Wait()
	close(ids)

	seen := map[string]bool{}
	for id := range ids {
		if seen[id] {
			t.Fatalf("duplicate id %s", id)
		}
		seen[id] = true
		if _, ok := s.Get(id); !ok {
			t.Fatalf("Get(%s) found nothing", id)
		}
	}
}

func TestGetMissing(t *testing.T) {
	if _, ok := store.New().Get("o-404"); ok {
		t.Fatal("expected no order")
	}
}
