package auth_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"example.com/monorepo/libs/auth"
)

func newSigner(t *testing.T) *auth.Signer {
	t.Helper()
	s, err := auth.NewSigner([]byte("test-secret"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSignAndVerify(t *testing.T) {
	s := newSigner(t)
	now := time.Unix(1_700_000_000, 0)
	tok := s.Sign(auth.Claims{Subject: "alice", Expires: now.Add(time.Hour)})

	c, err := s.Verify(tok, now)
	if err != nil || c.Subject != "alice" {
		t.Fatalf("Verify = %+v, %v", c, err)
	}
	if _, err := s.Verify(tok, now.Add(2*time.Hour)); !errors.Is(err, auth.ErrExpired) {
		t.Fatalf("expired token: %v", err)
	}
	if _, err := s.Verify(tok+"x", now); !errors.Is(err, auth.ErrSignature) {
		t.Fatalf("tampered token: %v", err)
	}
	if _, err := s.Verify("garbage", now); !errors.Is(err, auth.ErrMalformed) {
		t.Fatalf("malformed token: %v", err)
	}
}

func TestEmptySecretIsRefused(t *testing.T) {
	if _, err := auth.NewSigner(nil); err == nil {
		t.Fatal("expected an error for an empty secret")
	}
}

func TestRequire(t *testing.T) {
	s := newSigner(t)
	h := auth.Require(s, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := auth.FromContext(r.Context())
		w.Write([]byte(c.Subject))
	}))

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("without token: %d", rec.Code)
	}

	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Authorization", "Bearer "+s.Sign(auth.Claims{Subject: "bob", Expires: time.Now().Add(time.Minute)}))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.String() != "bob" {
		t.Fatalf("with token: %d %q", rec.Code, rec.Body.String())
	}
}
