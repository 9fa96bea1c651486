package metrics

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHandlerListsCountersSorted(t *testing.T) {
	r := NewRegistry()
	r.Counter("orders_placed_total").Add(3)
	r.Counter("http_requests_total").Inc()
	if r.Counter("orders_placed_total") != r.Counter("orders_placed_total") {
		t.Fatal("Counter should return the same counter for a name")
	}

	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	want := "http_requests_total 1\norders_placed_total 3\n"
	if rec.Body.String() != want {
		t.Fatalf("body = %q, want %q", rec.Body.String(), want)
	}
}
