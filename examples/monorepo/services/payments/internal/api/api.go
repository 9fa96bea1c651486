// Package api is the payments HTTP interface.
package api

import (
	"context"
	"encoding/json"
	"net/http"

	"example.com/monorepo/libs/auth"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
	"example.com/monorepo/libs/money"
)

// Charger is the payment provider.
type Charger interface {
	Charge(ctx context.Context, amount money.Amount, reference string) (string, error)
}

// Deps are the collaborators of the API.
type Deps struct {
	Charger Charger
	Signer  *auth.Signer
	// Roots reports whether CA certificates are available for the provider.
	Roots func(context.Context) error
}

// ChargeRequest is the body of POST /charges.
type ChargeRequest struct {
	OrderID string       `json:"order_id"`
	Amount  money.Amount `json:"amount"`
}

// New returns the routes of the payments service; charging needs a token.
func New(d Deps) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health(httpx.Check{Name: "ca-roots", Run: d.Roots}))
	mux.Handle("POST /charges", auth.Require(d.Signer, http.HandlerFunc(d.charge)))
	return mux
}

func (d Deps) charge(w http.ResponseWriter, r *http.Request) {
	var req ChargeRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.OrderID == "" {
		http.Error(w, "body must be {\"order_id\":...,\"amount\":\"12.50 EUR\"}", http.StatusBadRequest)
		return
	}
	claims, _ := auth.FromContext(r.Context())
	id, err := d.Charger.Charge(r.Context(), req.Amount, req.OrderID)
	if err != nil {
		logging.From(r.Context()).Error("charge failed", "order", req.OrderID, "err", err)
		http.Error(w, "payment provider unavailable", http.StatusBadGateway)
		return
	}
	logging.From(r.Context()).Info("charged", "order", req.OrderID, "by", claims.Subject)
	httpx.WriteJSON(w, http.StatusOK, map[string]string{"charge_id": id})
}
