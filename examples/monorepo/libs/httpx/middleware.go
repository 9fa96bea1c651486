package httpx

import (
	"log/slog"
	"net/http"
	"time"

	"example.com/monorepo/libs/logging"
)

// Logged logs one line per request and hands handlers a request-scoped logger
// through logging.From(r.Context()).
func Logged(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		reqLog := log.With("method", r.Method, "path", r.URL.Path)
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(logging.WithLogger(r.Context(), reqLog)))
		reqLog.Info("request", "status", sw.status, "duration", time.Since(start))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
