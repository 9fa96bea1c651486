// Package api is the orders HTTP interface.
package api

import (
	"encoding/json"
	"net/http"

	"example.com/monorepo/libs/events"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
	"example.com/monorepo/libs/money"
	"example.com/monorepo/libs/platform/metrics"
	"example.com/monorepo/services/orders/internal/order"
	"example.com/monorepo/services/orders/internal/store"
)

// OrderPlaced is the event type published for every accepted order.
const OrderPlaced = "order.placed"

// Placed is the payload of an OrderPlaced event.
type Placed struct {
	OrderID string       `json:"order_id"`
	Total   money.Amount `json:"total"`
}

// Deps are the collaborators of the API.
type Deps struct {
	Store    *store.Store
	Bus      *events.Bus
	Metrics  *metrics.Registry
	MaxLines int
}

// New returns the routes of the orders service.
func New(d Deps) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health())
	mux.Handle("GET /metrics", d.Metrics.Handler())
	mux.HandleFunc("POST /orders", d.place)
	mux.HandleFunc("GET /orders/{id}", d.get)
	return mux
}

func (d Deps) place(w http.ResponseWriter, r *http.Request) {
	var o order.Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "invalid JSON: "+err.Error(), http.StatusBadRequest)
		return
	}
	if err := o.Validate(d.MaxLines); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	o = d.Store.Create(o)
	total, _ := o.Total() // Validate has checked the total
	if err := d.Bus.Publish(r.Context(), OrderPlaced, Placed{OrderID: o.ID, Total: total}); err != nil {
		logging.From(r.Context()).Error("publishing failed", "order", o.ID, "err", err)
	}
	d.Metrics.Counter("orders_placed_total").Inc()
	httpx.WriteJSON(w, http.StatusCreated, o)
}

func (d Deps) get(w http.ResponseWriter, r *http.Request) {
	o, ok := d.Store.Get(r.PathValue("id"))
	if !ok {
		http.Error(w, "no such order", http.StatusNotFound)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, o)
}
