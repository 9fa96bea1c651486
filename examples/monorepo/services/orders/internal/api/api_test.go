package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/monorepo/libs/events"
	"example.com/monorepo/libs/platform/metrics"
	"example.com/monorepo/services/orders/internal/store"
)

func TestPlaceOrderPublishesAndCounts(t *testing.T) {
	bus := events.NewBus()
	var placed []Placed
	bus.Subscribe(OrderPlaced, func(_ context.Context, e events.Event) {
		var p Placed
		if err := e.Decode(&p); err != nil {
			t.Error(err)
		}
		placed = append(placed, p)
	})
	reg := metrics.NewRegistry()
	h := New(Deps{Store: store.New(), Bus: bus, Metrics: reg, MaxLines: 10})

	body := `{"customer":"ada","lines":[{"sku":"mug","quantity":2,"unit_price":"8.50 EUR"}]}`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(body)))
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST /orders: %d %s", rec.Code, rec.Body.String())
	}
	if len(placed) != 1 || placed[0].Total.String() != "17.00 EUR" {
		t.Fatalf("events = %+v", placed)
	}
	if got := reg.Counter("orders_placed_total").Value(); got != 1 {
		t.Fatalf("counter = %d", got)
	}

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/orders/"+placed[0].OrderID, nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"customer":"ada"`) {
		t.Fatalf("GET order: %d %s", rec.Code, rec.Body.String())
	}
}

func TestInvalidOrderIsRejected(t *testing.T) {
	h := New(Deps{Store: store.New(), Bus: events.NewBus(), Metrics: metrics.NewRegistry(), MaxLines: 10})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(`{"lines":[]}`)))
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("status = %d", rec.Code)
	}
}
