package psp

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/monorepo/libs/money"
)

// newProvider is a fake provider on loopback with its own test certificate.
func newProvider(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/charges" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(`{"id":"ch_1"}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestChargeTrustsOnlyTheGivenRoots(t *testing.T) {
	srv := newProvider(t)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())

	id, err := NewClient(srv.URL, roots).Charge(context.Background(), money.New(1250, "EUR"), "o-1")
	if err != nil || id != "ch_1" {
		t.Fatalf("Charge = %q, %v", id, err)
	}

	_, err = NewClient(srv.URL, x509.NewCertPool()).Charge(context.Background(), money.New(1250, "EUR"), "o-1")
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("untrusted provider: err = %v", err)
	}
}

func TestSystemRootsFailsWithoutABundle(t *testing.T) {
	// SSL_CERT_FILE and SSL_CERT_DIR replace the system locations, which
	// mimics a FROM scratch image; the pool is loaded once per process, so
	// this only holds when nothing in this test binary loaded it before.
	t.Setenv("SSL_CERT_FILE", t.TempDir()+"/none.pem")
	t.Setenv("SSL_CERT_DIR", t.TempDir())
	if _, err := SystemRoots(); err != ErrNoRoots {
		t.Fatalf("SystemRoots() error = %v, want ErrNoRoots", err)
	}
}
