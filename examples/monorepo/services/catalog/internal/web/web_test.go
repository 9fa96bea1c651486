package web

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/monorepo/libs/platform/metrics"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func serve(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.String())
	}
	return rec
}

func TestIndexMatchesGolden(t *testing.T) {
	reg := metrics.NewRegistry()
	h, err := New(DefaultProducts(), reg)
	if err != nil {
		t.Fatal(err)
	}
	got := serve(t, h, "/").Body.String()

	golden := filepath.Join("testdata", "index.golden.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("index differs from %s (run go test -update):\n%s", golden, got)
	}
	if v := reg.Counter("catalog_page_views_total").Value(); v != 1 {
		t.Fatalf("page views = %d", v)
	}
}

func TestEmbeddedStaticAssets(t *testing.T) {
	h, err := New(nil, metrics.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	if body := serve(t, h, "/static/style.css").Body.String(); !strings.Contains(body, ".price") {
		t.Fatalf("style.css = %q", body)
	}
	if ct := serve(t, h, "/static/logo.svg").Header().Get("Content-Type"); !strings.HasPrefix(ct, "image/svg+xml") {
		t.Fatalf("logo.svg content type = %q", ct)
	}
}
