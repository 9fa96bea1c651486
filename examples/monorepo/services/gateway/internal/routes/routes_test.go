package routes

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"example.com/monorepo/libs/auth"
)

func TestRoutesForwardAndProtect(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.URL.Path)
	}))
	defer upstream.Close()

	signer, err := auth.NewSigner([]byte("k"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(signer, Upstreams{Orders: upstream.URL, Payments: upstream.URL, Catalog: upstream.URL})
	if err != nil {
		t.Fatal(err)
	}

	get := func(path, token string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}

	if rec := get("/api/catalog/products", ""); rec.Code != http.StatusOK || rec.Body.String() != "/products" {
		t.Fatalf("catalog: %d %q", rec.Code, rec.Body.String())
	}
	if rec := get("/api/orders/orders/o-1", ""); rec.Code != http.StatusUnauthorized {
		t.Fatalf("orders without token: %d", rec.Code)
	}
	token := signer.Sign(auth.Claims{Subject: "ada", Expires: time.Now().Add(time.Minute)})
	if rec := get("/api/orders/orders/o-1", token); rec.Code != http.StatusOK || rec.Body.String() != "/orders/o-1" {
		t.Fatalf("orders with token: %d %q", rec.Code, rec.Body.String())
	}
}

func TestUnreachableUpstreamIsABadGateway(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	signer, _ := auth.NewSigner([]byte("k"))
	h, err := New(signer, Upstreams{Orders: dead.URL, Payments: dead.URL, Catalog: dead.URL})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/catalog/x", nil))
	if rec.Code != http.StatusBadGateway {
		t.Fatalf("status = %d", rec.Code)
	}
}

func TestRelativeUpstreamIsRejected(t *testing.T) {
	signer, _ := auth.NewSigner([]byte("k"))
	if _, err := New(signer, Upstreams{Orders: "orders:8080", Payments: "http://p", Catalog: "http://c"}); err == nil {
		t.Fatal("expected an error for a relative upstream URL")
	}
}
