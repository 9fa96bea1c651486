// Package diag reports process diagnostics. What can be measured depends on
// the OS: see openFiles in the platform-specific files.
package diag

import (
	"net/http"
	"runtime"

	"example.com/monorepo/libs/httpx"
)

// Snapshot is the diagnostic report.
type Snapshot struct {
	GoVersion  string `json:"go_version"`
	OS         string `json:"os"`
	Goroutines int    `json:"goroutines"`
	// OpenFiles is -1 where the OS gives no cheap way to count them.
	OpenFiles int `json:"open_files"`
}

// Take measures the current process.
func Take() Snapshot {
	return Snapshot{
		GoVersion:  runtime.Version(),
		OS:         runtime.GOOS,
		Goroutines: runtime.NumGoroutine(),
		OpenFiles:  openFiles(),
	}
}

// Handler serves a Snapshot as JSON.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		httpx.WriteJSON(w, http.StatusOK, Take())
	})
}
