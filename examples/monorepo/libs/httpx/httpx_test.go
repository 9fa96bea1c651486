package httpx

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/monorepo/libs/logging"
)

func TestHealthReportsFailingChecks(t *testing.T) {
	h := Health(
		Check{Name: "db", Run: func(context.Context) error { return nil }},
		Check{Name: "ca-roots", Run: func(context.Context) error { return errors.New("none found") }},
	)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status = %d, want 503", rec.Code)
	}
	if body := rec.Body.String(); !strings.Contains(body, "ca-roots: none found") || strings.Contains(body, "db") {
		t.Fatalf("body = %q", body)
	}
}

func TestHealthcheckExitCodes(t *testing.T) {
	healthy := http.NewServeMux()
	healthy.Handle("GET /healthz", Health())
	if code := Healthcheck(healthy, &bytes.Buffer{}); code != 0 {
		t.Fatalf("healthy handler: exit %d", code)
	}

	var report bytes.Buffer
	if code := Healthcheck(http.NotFoundHandler(), &report); code != 1 {
		t.Fatalf("missing /healthz: exit %d", code)
	}
	if !strings.Contains(report.String(), "404") {
		t.Fatalf("report = %q", report.String())
	}
}

func TestRunVersionAndHealthcheckFlags(t *testing.T) {
	newHandler := func(*slog.Logger) (http.Handler, error) {
		mux := http.NewServeMux()
		mux.Handle("GET /healthz", Health())
		return mux, nil
	}
	var out, errOut bytes.Buffer
	if code := run("svc", "1.0.0", []string{"-version"}, &out, &errOut, newHandler); code != 0 || out.String() != "1.0.0\n" {
		t.Fatalf("-version: exit %d, stdout %q", code, out.String())
	}
	if code := run("svc", "1.0.0", []string{"-healthcheck"}, &out, &errOut, newHandler); code != 0 {
		t.Fatalf("-healthcheck: exit %d, stderr %q", code, errOut.String())
	}
	if code := run("svc", "1.0.0", []string{"-bogus"}, &out, &errOut, newHandler); code != 2 {
		t.Fatalf("unknown flag: exit %d", code)
	}
}

func TestLoggedPassesARequestLogger(t *testing.T) {
	var buf bytes.Buffer
	log := logging.NewTo(&buf, slog.LevelInfo, "svc", "dev")
	h := Logged(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		logging.From(r.Context()).Info("inside")
		w.WriteHeader(http.StatusTeapot)
	}), log)
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))

	out := buf.String()
	if !strings.Contains(out, `"msg":"inside"`) || !strings.Contains(out, `"path":"/x"`) || !strings.Contains(out, `"status":418`) {
		t.Fatalf("log output = %s", out)
	}
}

func TestAddrUsesPort(t *testing.T) {
	t.Setenv("PORT", "9090")
	if got := Addr(); got != ":9090" {
		t.Fatalf("Addr() = %q", got)
	}
	t.Setenv("PORT", "")
	if got := Addr(); got != DefaultAddr {
		t.Fatalf("Addr() = %q", got)
	}
}
