package stock

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestReserve(t *testing.T) {
	l := New(map[string]int{"mug": 3})
	if err := l.Reserve("mug", 2); err != nil {
		t.Fatal(err)
	}
	if err := l.Reserve("mug", 2); !errors.Is(err, ErrInsufficient) {
		t.Fatalf("second reservation: %v", err)
	}
	if got := l.Level("mug"); got != 1 {
		t.Fatalf("level = %d, want 1 (a failed reservation takes nothing)", got)
	}
	if err := l.Reserve("mug", 0); err == nil {
		t.Fatal("zero quantity accepted")
	}
}

func TestHandler(t *testing.T) {
	h := Handler(New(map[string]int{"tea": 1}))
	post := func() int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/stock/tea/reservations", strings.NewReader(`{"quantity":1}`)))
		return rec.Code
	}
	if code := post(); code != http.StatusNoContent {
		t.Fatalf("first reservation: %d", code)
	}
	if code := post(); code != http.StatusConflict {
		t.Fatalf("second reservation: %d", code)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/stock/tea", nil))
	if !strings.Contains(rec.Body.String(), `"level":0`) {
		t.Fatalf("GET: %s", rec.Body.String())
	}
}
