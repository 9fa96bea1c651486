package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/monorepo/libs/auth"
	"example.com/monorepo/libs/money"
)

type fakeCharger struct{ got money.Amount }

func (f *fakeCharger) Charge(_ context.Context, a money.Amount, _ string) (string, error) {
	f.got = a
	return "ch_42", nil
}

func newAPI(t *testing.T, roots error) (http.Handler, *auth.Signer, *fakeCharger) {
	t.Helper()
	signer, err := auth.NewSigner([]byte("k"))
	if err != nil {
		t.Fatal(err)
	}
	charger := &fakeCharger{}
	return New(Deps{Charger: charger, Signer: signer, Roots: func(context.Context) error { return roots }}), signer, charger
}

func TestChargeNeedsATokenAndCallsTheProvider(t *testing.T) {
	h, signer, charger := newAPI(t, nil)
	body := `{"order_id":"o-1","amount":"12.50 EUR"}`

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/charges", strings.NewReader(body)))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("without token: %d", rec.Code)
	}

	req := httptest.NewRequest(http.MethodPost, "/charges", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+signer.Sign(auth.Claims{Subject: "gateway", Expires: time.Now().Add(time.Minute)}))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "ch_42") {
		t.Fatalf("with token: %d %s", rec.Code, rec.Body.String())
	}
	if charger.got != money.New(1250, "EUR") {
		t.Fatalf("charged %v", charger.got)
	}
}

func TestHealthFailsWithoutCARoots(t *testing.T) {
	h, _, _ := newAPI(t, errors.New("no CA certificates found"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "ca-roots") {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body.String())
	}
}
