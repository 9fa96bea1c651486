package httpx

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// Check is one named readiness condition of a service, e.g. "ca-roots".
type Check struct {
	Name string
	Run  func(context.Context) error
}

// Health answers 200 "ok" when every check passes, else 503 listing the
// failing checks, one per line.
func Health(checks ...Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var failures []string
		for _, c := range checks {
			if err := c.Run(r.Context()); err != nil {
				failures = append(failures, fmt.Sprintf("%s: %v", c.Name, err))
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if len(failures) > 0 {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, strings.Join(failures, "\n"))
			return
		}
		fmt.Fprintln(w, "ok")
	})
}

// Healthcheck sends GET /healthz straight to h, in-process: no listener, no
// DNS, no sockets, so it works in a FROM scratch image run with --network none.
// It returns 0 on 200 and 1 otherwise, writing the body to report on failure.
func Healthcheck(h http.Handler, report io.Writer) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code == http.StatusOK {
		return 0
	}
	fmt.Fprintf(report, "unhealthy: GET /healthz answered %d\n%s", rec.Code, rec.Body.String())
	return 1
}
